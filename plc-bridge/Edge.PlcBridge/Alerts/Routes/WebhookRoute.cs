using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Edge.PlcBridge.Alerts.Configuration;
using Edge.PlcBridge.Alerts.Events;

namespace Edge.PlcBridge.Alerts.Routes;

/// <summary>
/// POSTs each event as JSON to an HTTP(S) endpoint, with the configured headers, the event id in
/// <c>X-Edge-Event-Id</c> and, with a secret, the body's HMAC-SHA256 in <c>X-Edge-Signature: sha256=HEX</c>.
/// A 2xx answer is delivered; 408, 429 and 5xx (and no answer) are retried; any other answer is
/// refused for good (the same request would be refused again).
/// </summary>
public sealed class WebhookRoute : IAlertRoute
{
    public const string EventIdHeader = "X-Edge-Event-Id";
    public const string SignatureHeader = "X-Edge-Signature";

    private readonly WebhookRouteConfig _config;
    private readonly HttpClient _http;

    public WebhookRoute(WebhookRouteConfig config)
    {
        _config = config;
        // The dispatcher's per-attempt timeout governs; connections are renewed so DNS changes are followed.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), ConnectTimeout = config.Retry.Timeout })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public string Name => _config.Name;

    public async Task SendAsync(AlertEvent alert, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _config.Url) { Content = new ReadOnlyMemoryContent(json) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in _config.Headers)
            request.Headers.TryAddWithoutValidation(name, value);
        request.Headers.Add(EventIdHeader, alert.Id);
        if (_config.Secret is { } secret)
            request.Headers.Add(SignatureHeader, Signature(secret, json.Span));
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new AlertDeliveryException($"{_config.Url}: {e.Message}", inner: e);
        }
        using (response)
        {
            if (response.IsSuccessStatusCode)
                return;
            int code = (int)response.StatusCode;
            bool retry = code >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            throw new AlertDeliveryException($"{_config.Url} answered {code} {response.ReasonPhrase}", permanent: !retry);
        }
    }

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of <paramref name="body"/> under the UTF-8 bytes of <paramref name="secret"/>.</summary>
    public static string Signature(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
