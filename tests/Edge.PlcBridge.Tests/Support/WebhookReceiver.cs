using System.Net;
using System.Text.Json;

namespace Edge.PlcBridge.Tests.Support;

/// <summary>
/// A real HTTP endpoint on loopback (HttpListener) that records every request the bridge's webhook
/// route makes: its headers and JSON body. It answers each with what <see cref="Answer"/> says for
/// that request's number (1 for the first), or never answers (null): a receiver that hangs.
/// </summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<Request> _requests = [];
    private readonly List<HttpListenerContext> _unanswered = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WebhookReceiver(Func<int, int?> answer)
    {
        Answer = answer;
        int port = Edge.TestSupport.ServerProcess.FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/hooks/edge");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    /// <summary>Request number (1-based) to status code; null: never answer.</summary>
    public Func<int, int?> Answer { get; }

    public Uri Url { get; }

    public sealed record Request(int Number, string Method, string Path, string ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }

    public IReadOnlyList<Request> Requests
    {
        get { lock (_requests) return _requests.ToArray(); }
    }

    /// <summary>Waits (event-driven, no polling) until at least <paramref name="count"/> requests arrived.</summary>
    public async Task<IReadOnlyList<Request>> WaitForAsync(int count, TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            Task changed;
            lock (_requests)
            {
                if (_requests.Count >= count) return _requests.ToArray();
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"the webhook got {Requests.Count} request(s), not {count}");
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            Request request;
            TaskCompletionSource changed;
            lock (_requests)
            {
                request = new Request(_requests.Count + 1, context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.ContentType ?? "", headers, body.ToArray());
                _requests.Add(request);
                changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            if (Answer(request.Number) is { } status)
            {
                context.Response.StatusCode = status;
                context.Response.Close();
            }
            else
            {
                lock (_unanswered) _unanswered.Add(context);
            }
            changed.TrySetResult();
        }
    }

    public void Dispose()
    {
        lock (_unanswered)
            foreach (var context in _unanswered) context.Response.Abort();
        _listener.Close();
    }
}
