using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;
using Edge.Ads.Ams;
using Edge.Ads.Framing;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;

namespace Edge.Ads.Client;

/// <summary>
/// A small ADS client over one TCP connection, without router registration (it sends with the
/// source address it is given). Requests are matched to responses by invoke id; device
/// notifications arrive on <see cref="Notifications"/>. Made for tests, benchmarks and health
/// checks; typed calls are in <see cref="AdsClientCommands"/>.
/// </summary>
public sealed class AdsTcpClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly AmsFrameReader _frames;
    private readonly ConcurrentDictionary<uint, TaskCompletionSource<AdsResponse>> _pending = new();
    private readonly Channel<AdsReceivedNotification> _notifications =
        Channel.CreateBounded<AdsReceivedNotification>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiveLoop;
    private int _nextInvokeId;
    private int _disposed;

    private AdsTcpClient(TcpClient tcp, AmsAddress target, AmsAddress source, int maxFrameSize)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _frames = new AmsFrameReader(PipeReader.Create(_stream), maxFrameSize);
        Target = target;
        Source = source;
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Where requests go unless a call names another port.</summary>
    public AmsAddress Target { get; }

    /// <summary>Sender address of every request; notifications come back to it.</summary>
    public AmsAddress Source { get; }

    /// <summary>How long a request waits for its response.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    public ChannelReader<AdsReceivedNotification> Notifications => _notifications.Reader;

    /// <summary>Completes when the connection is gone.</summary>
    public Task Completion => _receiveLoop;

    public static async Task<AdsTcpClient> ConnectAsync(string host, int port, AmsAddress target, AmsAddress source,
        int maxFrameSize = 4 * 1024 * 1024, CancellationToken cancellationToken = default)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
        return new AdsTcpClient(tcp, target, source, maxFrameSize);
    }

    /// <summary>Sends one request and waits for the response with the same invoke id.</summary>
    public async Task<AdsResponse> SendAsync(AdsCommandId command, ReadOnlyMemory<byte> payload, ushort? targetPort = null,
        CancellationToken cancellationToken = default)
    {
        uint invokeId = (uint)Interlocked.Increment(ref _nextInvokeId);
        var target = targetPort is { } port ? Target with { Port = port } : Target;
        var header = new AmsHeader(target, Source, command, AmsStateFlags.Request, 0, AdsErrorCode.NoError, invokeId);
        var frame = AmsFrame.CreateAds(header, payload.Span);
        var response = new TaskCompletionSource<AdsResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[invokeId] = response;
        try
        {
            await SendRawAsync(frame, cancellationToken).ConfigureAwait(false);
            return await response.Task.WaitAsync(Timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(invokeId, out _);
        }
    }

    /// <summary>Writes bytes as they are: for frames built by hand.</summary>
    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        Exception? failure = null;
        try
        {
            while (true)
            {
                var read = await _frames.ReadAsync(_stop.Token).ConfigureAwait(false);
                if (read.Status != AmsFrameStatus.Frame)
                    break;
                if (read.TcpHeader.Command != AmsTcpCommand.AdsCommand || read.Body.Length < AmsHeader.Size)
                    continue;
                var header = AmsHeader.Read(read.Body.Span);
                var payload = read.Body[AmsHeader.Size..].ToArray();
                if (header.Command == AdsCommandId.DeviceNotification && !header.IsResponse)
                    _notifications.Writer.TryWrite(new AdsReceivedNotification(header, AdsNotificationStreamReader.Read(payload)));
                else if (_pending.TryGetValue(header.InvokeId, out var waiting))
                    waiting.TrySetResult(new AdsResponse(header, payload));
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or AdsFormatException)
        {
            failure = e;
        }
        finally
        {
            var gone = new IOException("the ADS connection closed before the response arrived", failure);
            foreach (var waiting in _pending.Values)
                waiting.TrySetException(gone);
            _notifications.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        await _stop.CancelAsync().ConfigureAwait(false);
        _tcp.Dispose();
        try
        {
            await _receiveLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
        _sendLock.Dispose();
    }
}
