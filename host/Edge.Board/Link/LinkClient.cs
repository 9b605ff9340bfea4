using System.Collections.Concurrent;
using System.Threading.Channels;
using Edge.Device.Board;
using Edge.Device.Link;
using Edge.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Board.Link;

/// <summary>
/// The host's end of the board link (firmware/docs/link-protocol.md): frames with the board's own
/// encoder and decoder, one request at a time with resends under the same id until a response
/// arrives, and unsolicited telemetry on a channel. A closed link fails every waiting request with
/// a message naming the address.
/// </summary>
public sealed class LinkClient : IAsyncDisposable
{
    private readonly IByteTransport _transport;
    private readonly LinkOptions _options;
    private readonly ILogger _logger;
    private readonly FrameEncoder _encoder = new();
    private readonly FrameDecoder _decoder = new();
    private readonly SemaphoreSlim _oneRequest = new(1, 1);
    private readonly ConcurrentDictionary<ushort, TaskCompletionSource<LinkResponse>> _pending = new();
    private readonly Channel<TelemetryFrame> _telemetry;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private ushort _nextId;
    private int _lastSequence = -1;
    private volatile Exception? _closed;

    public LinkClient(IByteTransport transport, LinkOptions? options = null, ILogger? logger = null)
    {
        _transport = transport;
        _options = options ?? new LinkOptions();
        _logger = logger ?? NullLogger.Instance;
        _telemetry = Channel.CreateBounded<TelemetryFrame>(new BoundedChannelOptions(_options.TelemetryBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = false,
            SingleWriter = true,
        }, _ => Statistics.DroppedTelemetry());
        _reader = Task.Run(ReadLoopAsync);
    }

    public string Address => _transport.Description;

    public LinkStatistics Statistics { get; } = new();

    /// <summary>Telemetry frames in arrival order.</summary>
    public ChannelReader<TelemetryFrame> Telemetry => _telemetry.Reader;

    /// <summary>Sends a request and returns the board's response, whatever its status; throws only when no response came.</summary>
    public async Task<LinkResponse> RequestAsync(byte command, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        if (payload.Length > LinkFrame.MaxPayload)
            throw new ArgumentException($"payload of {payload.Length} bytes exceeds the link's {LinkFrame.MaxPayload}", nameof(payload));
        await _oneRequest.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfClosed();
            ushort id = NextId();
            byte[] wire = Encode(id, command, payload.Span);
            var response = new TaskCompletionSource<LinkResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[id] = response;
            Statistics.Request();
            try
            {
                for (int attempt = 1; attempt <= _options.Attempts; attempt++)
                {
                    if (attempt > 1) Statistics.Resend();
                    await SendAsync(wire, cancellationToken).ConfigureAwait(false);
                    var finished = await Task.WhenAny(response.Task, Task.Delay(_options.ResponseTimeout, cancellationToken)).ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                    if (finished == response.Task)
                    {
                        var answer = await response.Task.ConfigureAwait(false);
                        return answer with { Attempts = attempt };
                    }
                    _logger.LogDebug("no response to {Command:X2} id {Id} from {Address} (attempt {Attempt})", command, id, Address, attempt);
                }
                ThrowIfClosed();
                throw new BoardLinkException($"board at {Address} did not answer command 0x{command:X2} after {_options.Attempts} attempts of {_options.ResponseTimeout.TotalMilliseconds:0} ms");
            }
            finally
            {
                _pending.TryRemove(id, out _);
            }
        }
        finally
        {
            _oneRequest.Release();
        }
    }

    /// <summary>Sends a request and returns the payload of an ok response; an error status becomes a <see cref="BoardCommandException"/>.</summary>
    public async Task<byte[]> CallAsync(byte command, ReadOnlyMemory<byte> payload, string what, CancellationToken cancellationToken = default)
    {
        var response = await RequestAsync(command, payload, cancellationToken).ConfigureAwait(false);
        if (response.Ok) return response.Payload;
        string detail = response.Status is LinkStatus.InvalidFile or LinkStatus.Failed && response.Payload.Length > 0 ? ": " + response.Message : "";
        throw new BoardCommandException($"board at {Address} refused {what}: {response.StatusName}{detail}", response);
    }

    private ushort NextId()
    {
        _nextId = (ushort)(_nextId == ushort.MaxValue ? 1 : _nextId + 1);
        return _nextId;
    }

    private byte[] Encode(ushort id, byte command, ReadOnlySpan<byte> payload)
    {
        lock (_encoder)
        {
            payload.CopyTo(_encoder.Payload.AsSpan(LinkFrame.PayloadAt));
            int length = _encoder.Finish(FrameType.Request, id, command, 0, payload.Length);
            return _encoder.Wire.AsSpan(0, length).ToArray();
        }
    }

    private async Task SendAsync(byte[] wire, CancellationToken cancellationToken)
    {
        try
        {
            await _transport.Stream.WriteAsync(wire, cancellationToken).ConfigureAwait(false);
            await _transport.Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            Statistics.Sent(wire.Length);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            throw Closed(e);
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                int read = await _transport.Stream.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (read == 0) break;
                Statistics.Received(read);
                for (int i = 0; i < read; i++)
                {
                    if (_decoder.Push(buffer[i])) Dispatch();
                }
                Statistics.FramesRejected = _decoder.Rejected + _decoder.Overlong;
                Statistics.CrcErrors = _decoder.CrcErrors;
            }
            Close(new BoardLinkException($"link to {Address} closed by the other end"));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            Close(new BoardLinkException($"link to {Address} closed"));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            Close(new BoardLinkException($"link to {Address} broke: {e.Message}", e));
        }
    }

    private void Dispatch()
    {
        byte[] payload = _decoder.Frame.AsSpan(LinkFrame.PayloadAt, _decoder.PayloadLength).ToArray();
        // The board numbers every frame it sends, responses and telemetry alike: a jump in the
        // numbers is frames lost on the way (a resent request makes up for a lost response).
        int sequence = _decoder.Sequence;
        if (_lastSequence >= 0)
        {
            int gap = (ushort)(sequence - _lastSequence) - 1;
            if (gap > 0) Statistics.FramesMissing(gap);
        }
        _lastSequence = sequence;
        switch (_decoder.Type)
        {
            case FrameType.Response:
                if (_pending.TryGetValue(_decoder.RequestId, out var waiting)
                    && waiting.TrySetResult(new LinkResponse(_decoder.Command, _decoder.Status, payload, 0)))
                    Statistics.Response();
                else
                    Statistics.StrayResponse();
                break;
            case FrameType.Telemetry:
                Statistics.Telemetry();
                _telemetry.Writer.TryWrite(new TelemetryFrame(_decoder.Command, (ushort)sequence, payload, DateTimeOffset.UtcNow));
                break;
        }
    }

    private void ThrowIfClosed()
    {
        if (_closed is { } e) throw new BoardLinkException(e.Message, e);
    }

    private BoardLinkException Closed(Exception e)
    {
        var closed = new BoardLinkException($"link to {Address} broke: {e.Message}", e);
        Close(closed);
        return closed;
    }

    private void Close(Exception reason)
    {
        _closed ??= reason;
        foreach (var pending in _pending.Values) pending.TrySetException(new BoardLinkException(reason.Message, reason));
        _telemetry.Writer.TryComplete();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _transport.DisposeAsync().ConfigureAwait(false);
        try { await _reader.ConfigureAwait(false); } catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException) { }
        _stop.Dispose();
        _oneRequest.Dispose();
    }
}
