using System.Security.Cryptography;
using System.Threading.Channels;
using Edge.Device.Link;
using Edge.Device.Link.Messages;
using Edge.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Board.Link;

/// <summary>
/// The host's end of the board link (firmware/docs/link-protocol.md). <see cref="OpenSessionAsync"/>
/// shakes hands under a fresh random session id, so nothing of an earlier session (another
/// process's answers) can be taken for this one's. Requests are then numbered from 1 and
/// pipelined: up to the window agreed in hello are in flight, each caller awaits its own answer.
/// The board runs them once each, in id order (go-back-N); when an answer is overdue, or the
/// board says which id it expects next, every unanswered request is sent again from the oldest,
/// under the same ids, and the board answers repeats from its cache. Telemetry arrives on a
/// channel. A request that exhausts its attempts breaks the link (everything after it waits
/// behind it): every waiting caller then fails with a message naming the address and command.
/// </summary>
public sealed class LinkClient : IAsyncDisposable
{
    private readonly IByteTransport _transport;
    private readonly LinkOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly LinkActivity? _activity;
    private readonly FrameEncoder _encoder = new();
    private readonly FrameDecoder _decoder = new();
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Lock _gate = new();
    private readonly List<Pending> _inFlight = [];
    private readonly Dictionary<ushort, Pending> _byId = [];
    private readonly Channel<TelemetryFrame> _telemetry;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private readonly ITimer _supervisor;
    private int _supervising;
    private SemaphoreSlim _slots = new(1, 1);
    private byte[] _batch = new byte[4 * LinkFrame.MaxEncoded];
    private Pending? _hello;
    private uint _session;
    private ushort _nextId;
    private int _window = 1;
    private long _lastActivity;
    private int _lastSequence = -1;
    private volatile Exception? _closed;

    public LinkClient(IByteTransport transport, LinkOptions? options = null, ILogger? logger = null)
    {
        _transport = transport;
        _options = options ?? new LinkOptions();
        if (_options.Window is < 1 or > 255) throw new ArgumentOutOfRangeException(nameof(options), _options.Window, "the window must be 1 to 255 requests");
        if (_options.Attempts < 1) throw new ArgumentOutOfRangeException(nameof(options), _options.Attempts, "at least one attempt");
        _logger = logger ?? NullLogger.Instance;
        _time = _options.TimeProvider;
        _activity = _options.Activity;
        _lastActivity = _time.GetTimestamp();
        _telemetry = Channel.CreateBounded<TelemetryFrame>(new BoundedChannelOptions(_options.TelemetryBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = false,
            SingleWriter = true,
        }, _ => Statistics.DroppedTelemetry());
        _reader = Task.Run(ReadLoopAsync);
        SupervisionPeriod = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond,
            Math.Min(_options.ResponseTimeout.Ticks, (_options.Heartbeat ?? _options.ResponseTimeout).Ticks) / 4));
        _supervisor = _time.CreateTimer(_ => Supervise(), null, SupervisionPeriod, SupervisionPeriod);
    }

    /// <summary>How often timeouts and the heartbeat are checked: a quarter of the shorter of the two.</summary>
    internal TimeSpan SupervisionPeriod { get; }

    public string Address => _transport.Description;

    public LinkStatistics Statistics { get; } = new();

    /// <summary>Telemetry frames of this session in arrival order.</summary>
    public ChannelReader<TelemetryFrame> Telemetry => _telemetry.Reader;

    /// <summary>The session id (0 before <see cref="OpenSessionAsync"/>).</summary>
    public uint Session => _session;

    /// <summary>Requests in flight at most, as agreed in hello.</summary>
    public int Window => _window;

    /// <summary>Why the link closed (null while it is open).</summary>
    public Exception? CloseReason => _closed;

    /// <summary>
    /// Opens a session: `hello` under a new random session id, sent until answered. The board
    /// forgets every earlier session's answers. Requests then number from 1. No request may be in
    /// flight.
    /// </summary>
    public async Task<LinkResponse> OpenSessionAsync(HelloRequest hello, CancellationToken cancellationToken = default)
    {
        hello.Window = _options.Window;
        var payload = new byte[LinkFrame.MaxPayload];
        int length = hello.Write(payload, 0);
        await _send.WaitAsync(cancellationToken).ConfigureAwait(false);
        Pending pending;
        try
        {
            ThrowIfClosed();
            lock (_gate)
            {
                if (_inFlight.Count > 0) throw new InvalidOperationException("a session cannot be opened with requests in flight");
                uint session;
                do session = BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4)); while (session == LinkFrame.NoSession || session == _session);
                _session = LinkFrame.NoSession;
                pending = new Pending(0, LinkCommand.Hello, Encode(session, 0, LinkCommand.Hello, payload.AsSpan(0, length)), session);
                _hello = pending;
                _activity?.Stamped(1);
            }
        }
        finally
        {
            _send.Release();
        }
        Statistics.Request(length);
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                pending.Attempts = attempt;
                if (attempt > 1)
                {
                    Statistics.Resend();
                    _activity?.Owe();
                }
                Task timeout;
                try
                {
                    await WriteAsync(pending.Wire).ConfigureAwait(false);
                    timeout = Task.Delay(_options.ResponseTimeout, _time, cancellationToken);
                }
                finally
                {
                    _activity?.Wrote(); // the timeout runs before the attempt is reported sent
                }
                var finished = await Task.WhenAny(pending.Answer.Task, timeout).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (finished == pending.Answer.Task) break;
                if (attempt >= _options.Attempts) throw NoAnswer(LinkCommand.Hello);
            }
            var response = await pending.Answer.Task.ConfigureAwait(false);
            if (response.Ok)
            {
                int window = Math.Clamp(response.Decode(new HelloReply()).Window, 1, _options.Window);
                lock (_gate)
                {
                    _session = pending.Session;
                    _window = window;
                    _nextId = 1;
                    _slots = new SemaphoreSlim(window, window);
                }
            }
            return response;
        }
        finally
        {
            lock (_gate) _hello = null;
            if (pending.Settle()) _activity?.Settled();
        }
    }

    /// <summary>Sends a request and returns the board's response, whatever its status; throws only when the link failed.</summary>
    public async Task<LinkResponse> RequestAsync(byte command, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        var sent = await SendAsync(command, payload, cancellationToken).ConfigureAwait(false);
        return await sent.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a request message and sends it (see <see cref="RequestAsync(byte, ReadOnlyMemory{byte}, CancellationToken)"/>).</summary>
    public async Task<LinkResponse> RequestAsync(byte command, LinkMessage request, CancellationToken cancellationToken = default)
    {
        var sent = await SendBatchAsync(command, [request], cancellationToken).ConfigureAwait(false);
        return await sent[0].WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits for room in the window, sends the request, and returns its answer's task without
    /// waiting for it: a caller pipelines by sending several before awaiting the first.
    /// </summary>
    public async Task<Task<LinkResponse>> SendAsync(byte command, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default) =>
        (await SendBatchAsync(command, [new RawPayload(payload)], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Sends several requests of one command in one write (fewer wake-ups on both sides), each as
    /// room in the window allows; returns their answers' tasks in order. Each message is written
    /// straight into its frame.
    /// </summary>
    public async Task<IReadOnlyList<Task<LinkResponse>>> SendBatchAsync(byte command, IReadOnlyList<LinkMessage> requests, CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        if (_session == LinkFrame.NoSession) throw new InvalidOperationException($"no session with the board at {Address}: open one (hello) first");
        var slots = _slots;
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        int taken = 0;
        int sent = 0;
        try
        {
            for (; taken < requests.Count; taken++) await slots.WaitAsync(waiting.Token).ConfigureAwait(false);
            await _send.WaitAsync(waiting.Token).ConfigureAwait(false);
            try
            {
                ThrowIfClosed();
                var answers = new Task<LinkResponse>[requests.Count];
                int batchLength = 0;
                lock (_gate)
                {
                    long now = _time.GetTimestamp();
                    for (int i = 0; i < requests.Count; i++)
                    {
                        ushort id = _nextId++;
                        var (wire, payloadLength) = Encode(_session, id, command, requests[i]);
                        var pending = new Pending(id, command, wire, _session) { Attempts = 1, LastSent = now };
                        _inFlight.Add(pending);
                        _byId[id] = pending;
                        answers[i] = pending.Answer.Task;
                        if (_batch.Length < batchLength + wire.Length) Array.Resize(ref _batch, Math.Max(2 * _batch.Length, batchLength + wire.Length));
                        wire.CopyTo(_batch, batchLength);
                        batchLength += wire.Length;
                        Statistics.Request(payloadLength);
                    }
                    _lastActivity = now;
                    _activity?.Stamped(requests.Count);
                }
                sent = requests.Count;
                try
                {
                    await WriteAsync(_batch.AsMemory(0, batchLength)).ConfigureAwait(false);
                }
                finally
                {
                    _activity?.Wrote();
                }
                return answers;
            }
            finally
            {
                _send.Release();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failure();
        }
        finally
        {
            if (taken > sent) slots.Release(taken - sent);
        }
    }

    /// <summary>Bytes given as they are, for callers (and tests) that hold a payload rather than a message.</summary>
    private sealed class RawPayload(ReadOnlyMemory<byte> bytes) : LinkMessage
    {
        public override int Write(byte[] b, int at)
        {
            if (bytes.Length > LinkFrame.MaxPayload)
                throw new ArgumentException($"payload of {bytes.Length} bytes exceeds the link's {LinkFrame.MaxPayload}", nameof(bytes));
            bytes.Span.CopyTo(b.AsSpan(at));
            return bytes.Length;
        }

        public override void Read(Device.Codec.ByteReader r) => throw new NotSupportedException();
    }

    /// <summary>Sends a request and returns the payload of an ok response; an error status becomes a <see cref="BoardCommandException"/>.</summary>
    public async Task<LinkResponse> CallAsync(byte command, ReadOnlyMemory<byte> payload, string what, CancellationToken cancellationToken = default)
    {
        var response = await RequestAsync(command, payload, cancellationToken).ConfigureAwait(false);
        return response.Ok ? response : throw Refused(response, what);
    }

    /// <summary>Sends a request message and decodes an ok response into <paramref name="reply"/> (null: the reply has no payload).</summary>
    public async Task<T?> CallAsync<T>(byte command, LinkMessage? request, T? reply, string what, CancellationToken cancellationToken = default) where T : LinkMessage
    {
        var response = request is null
            ? await RequestAsync(command, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false)
            : await RequestAsync(command, request, cancellationToken).ConfigureAwait(false);
        if (!response.Ok) throw Refused(response, what);
        return reply is null ? null : response.Decode(reply);
    }

    /// <summary>The error for a refused command: the board's status, and its message where it sent one.</summary>
    public BoardCommandException Refused(LinkResponse response, string what)
    {
        string detail = response.Status is LinkStatus.InvalidFile or LinkStatus.Failed or LinkStatus.BadRequest && response.Payload.Length > 0 ? ": " + response.Message : "";
        return new BoardCommandException($"board at {Address} refused {what}: {response.StatusName}{detail}", response);
    }

    private byte[] Encode(uint session, ushort id, byte command, ReadOnlySpan<byte> payload)
    {
        lock (_encoder)
        {
            payload.CopyTo(_encoder.Payload.AsSpan(FrameEncoder.PayloadAt));
            int length = _encoder.Finish(FrameType.Request, session, id, command, 0, payload.Length);
            return _encoder.Wire.AsSpan(0, length).ToArray();
        }
    }

    /// <summary>A message written straight into the frame; returns the wire bytes (kept for resends) and the payload's length.</summary>
    private (byte[] Wire, int PayloadLength) Encode(uint session, ushort id, byte command, LinkMessage message)
    {
        lock (_encoder)
        {
            int payloadLength = message.Write(_encoder.Payload, FrameEncoder.PayloadAt);
            int length = _encoder.Finish(FrameType.Request, session, id, command, 0, payloadLength);
            return (_encoder.Wire.AsSpan(0, length).ToArray(), payloadLength);
        }
    }

    private Task WriteAsync(byte[] wire) => WriteAsync(wire.AsMemory());

    private async Task WriteAsync(ReadOnlyMemory<byte> wire)
    {
        try
        {
            await _transport.Stream.WriteAsync(wire, _stop.Token).ConfigureAwait(false);
            await _transport.Stream.FlushAsync(_stop.Token).ConfigureAwait(false);
            Statistics.Sent(wire.Length);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or TimeoutException)
        {
            throw Closed(e);
        }
    }

    /// <summary>
    /// Starts a go-back round: every unanswered request counts one more attempt now, so a write
    /// that hangs (a full socket buffer behind a half-open connection) cannot hold the count
    /// back. False when the oldest has had all its attempts: the link is then closed.
    /// </summary>
    private bool GoBack(string why)
    {
        List<Pending> again;
        lock (_gate)
        {
            again = _inFlight.Where(p => !p.Answered).ToList();
            if (again.Count == 0) return true;
            if (again[0].Attempts >= _options.Attempts)
            {
                Close(NoAnswer(again[0].Command));
                return false;
            }
            long now = _time.GetTimestamp();
            foreach (var p in again)
            {
                p.Attempts++;
                p.LastSent = now;
            }
            _lastActivity = now;
            _activity?.Owe();
        }
        _logger.LogDebug("resending {Count} request(s) from id {Id} to {Address}: {Why}", again.Count, again[0].Id, Address, why);
        _ = ResendAsync(again);
        return true;
    }

    private async Task ResendAsync(List<Pending> again)
    {
        try
        {
            await ResendOwedAsync(again).ConfigureAwait(false);
        }
        finally
        {
            _activity?.Wrote();
        }
    }

    private async Task ResendOwedAsync(List<Pending> again)
    {
        try
        {
            await _send.WaitAsync(_stop.Token).ConfigureAwait(false);
            try
            {
                foreach (var p in again)
                {
                    if (p.Answered) continue;
                    Statistics.Resend();
                    await WriteAsync(p.Wire).ConfigureAwait(false);
                }
            }
            finally
            {
                _send.Release();
            }
        }
        catch (Exception e) when (e is BoardLinkException or OperationCanceledException or ObjectDisposedException)
        {
            // a broken link has been reported to every caller by Close
        }
    }

    // Timeouts and the heartbeat, on one timer: the oldest unanswered request overdue sends
    // everything unanswered again; an idle link sends a ping. The check runs in the timer's
    // callback (one at a time), so a fake clock that fires it has had it done, resends stamped,
    // when its Advance returns.
    private void Supervise()
    {
        if (Interlocked.Exchange(ref _supervising, 1) == 1) return;
        try
        {
            if (_closed is not null) return;
            bool overdue, idle;
            lock (_gate)
            {
                var oldest = _inFlight.FirstOrDefault(p => !p.Answered);
                overdue = oldest is not null && _time.GetElapsedTime(oldest.LastSent) >= _options.ResponseTimeout;
                idle = _options.Heartbeat is { } heartbeat && _session != LinkFrame.NoSession && _inFlight.Count == 0 && _hello is null
                    && _time.GetElapsedTime(_lastActivity) >= heartbeat;
                if (!overdue && idle)
                {
                    _lastActivity = _time.GetTimestamp();
                    _activity?.Owe();
                }
            }
            if (overdue) GoBack("no answer in time");
            else if (idle) _ = HeartbeatAsync();
        }
        finally
        {
            Volatile.Write(ref _supervising, 0);
        }
    }

    private async Task HeartbeatAsync()
    {
        Statistics.Heartbeat();
        try
        {
            Task<LinkResponse> answer;
            try
            {
                answer = await SendAsync(LinkCommand.Ping, ReadOnlyMemory<byte>.Empty, _stop.Token).ConfigureAwait(false);
            }
            finally
            {
                _activity?.Wrote();
            }
            await answer.ConfigureAwait(false);
        }
        catch (Exception e) when (e is BoardLinkException or OperationCanceledException or InvalidOperationException)
        {
            // a dead link is reported to the callers by Close
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[16384];
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
                Statistics.ForeignVersionFrames = _decoder.ForeignVersion;
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
        // The board numbers every frame it sends, responses and telemetry alike: a jump in the
        // numbers is frames lost on the way (resent requests make up for lost responses).
        int sequence = _decoder.Sequence;
        if (_lastSequence >= 0)
        {
            int gap = (ushort)(sequence - _lastSequence) - 1;
            if (gap > 0) Statistics.FramesMissing(gap);
        }
        _lastSequence = sequence;
        byte[] payload = _decoder.Frame.AsSpan(LinkFrame.PayloadAt, _decoder.PayloadLength).ToArray();
        uint session = _decoder.Session;
        if (_decoder.Type == FrameType.Telemetry)
        {
            if (session != _session || _session == LinkFrame.NoSession) return; // another session's, or before ours
            Statistics.Telemetry(payload.Length);
            _telemetry.Writer.TryWrite(new TelemetryFrame(_decoder.Command, (ushort)sequence, payload, _time.GetUtcNow()));
            return;
        }
        if (_decoder.Type != FrameType.Response) return;
        var response = new LinkResponse(_decoder.Command, _decoder.Status, payload, 0) { Address = Address };
        Pending? answered = null;
        int freed = 0;
        bool goBack = false;
        Exception? broken = null;
        var slots = _slots;
        lock (_gate)
        {
            if (_hello is { } hello && _decoder.RequestId == 0 && response.Command == LinkCommand.Hello && session == hello.Session)
            {
                answered = hello;
            }
            else if (session == _session && _session != LinkFrame.NoSession && _byId.TryGetValue(_decoder.RequestId, out var pending)
                && !pending.Answered && pending.Command == response.Command)
            {
                if (response.Status == LinkStatus.OutOfOrder)
                {
                    goBack = true;
                }
                else if (response.Status == LinkStatus.StaleSession)
                {
                    uint board = response.Decode(new StaleSessionReply()).BoardSession;
                    broken = new BoardLinkException(board == LinkFrame.NoSession
                        ? $"board at {Address} restarted: its session with this host is gone"
                        : $"board at {Address} is in another host's session now (a second host opened the link)");
                }
                else
                {
                    pending.Answered = true;
                    answered = pending;
                    while (_inFlight.Count > 0 && _inFlight[0].Answered)
                    {
                        _byId.Remove(_inFlight[0].Id);
                        _inFlight.RemoveAt(0);
                        freed++;
                    }
                }
            }
        }
        if (answered is not null)
        {
            Statistics.Response(payload.Length);
            if (answered.Settle()) _activity?.Settled();
            answered.Answer.TrySetResult(response with { Attempts = answered.Attempts });
        }
        else if (goBack)
        {
            Statistics.OutOfOrderAnswer();
            GoBack("the board expects an earlier request");
        }
        else if (broken is not null)
        {
            Close(broken);
        }
        else
        {
            Statistics.StrayResponse();
        }
        if (freed > 0) slots.Release(freed);
    }

    private BoardLinkException NoAnswer(byte command) =>
        new($"board at {Address} did not answer command 0x{command:X2} ({LinkCommand.Name(command)}) after {_options.Attempts} attempts of {_options.ResponseTimeout.TotalMilliseconds:0} ms"
            + (_decoder.ForeignVersion > 0 ? $"; it sent {_decoder.ForeignVersion} frame(s) of link protocol {_decoder.LastForeignVersion}, this host speaks {LinkFrame.ProtocolVersion}: update the firmware or edge" : ""));

    private void ThrowIfClosed()
    {
        if (_closed is { } e) throw new BoardLinkException(e.Message, e);
    }

    private BoardLinkException Failure() =>
        _closed is { } e ? new BoardLinkException(e.Message, e) : new BoardLinkException($"link to {Address} closed");

    private BoardLinkException Closed(Exception e)
    {
        var closed = e as BoardLinkException ?? new BoardLinkException($"link to {Address} broke: {e.Message}", e);
        Close(closed);
        return _closed as BoardLinkException ?? closed;
    }

    private void Close(Exception reason)
    {
        List<Pending> waiting;
        lock (_gate)
        {
            _closed ??= reason;
            waiting = [.. _inFlight];
            if (_hello is { } hello) waiting.Add(hello);
        }
        if (_closed is BoardLinkException)
            _logger.LogDebug("link to {Address} closed: {Reason}", Address, _closed.Message);
        foreach (var pending in waiting)
        {
            if (pending.Settle()) _activity?.Settled();
            pending.Answer.TrySetException(new BoardLinkException(_closed!.Message, _closed));
        }
        _activity?.Closed();
        _telemetry.Writer.TryComplete();
        if (!_stop.IsCancellationRequested)
        {
            try { _stop.Cancel(); } catch (ObjectDisposedException) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Close(new BoardLinkException($"link to {Address} closed"));
        await _transport.DisposeAsync().ConfigureAwait(false);
        try { await _reader.ConfigureAwait(false); } catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException) { }
        await _supervisor.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>A request in flight: its wire bytes for resends, and its caller's answer.</summary>
    private sealed class Pending(ushort id, byte command, byte[] wire, uint session)
    {
        public ushort Id { get; } = id;
        public byte Command { get; } = command;
        public byte[] Wire { get; } = wire;
        public uint Session { get; } = session;
        public int Attempts { get; set; }
        public long LastSent { get; set; }
        public bool Answered { get; set; }
        public TaskCompletionSource<LinkResponse> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private int _settled;

        /// <summary>True the first time only: the request is answered, given up or failed (counted once for a <see cref="LinkActivity"/>).</summary>
        public bool Settle() => Interlocked.Exchange(ref _settled, 1) == 0;
    }
}
