using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Edge.Ads.Ams;
using Edge.Ads.Framing;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Notifications;
using Edge.Ads.Server.Sessions;
using Edge.Ads.Server.Symbols;

namespace Edge.Ads.Server.Transport;

/// <summary>
/// One TCP connection: cuts the stream into frames, answers AMS/TCP commands (port connect,
/// port close, get net id), checks each AMS header (allow-listed source, our net id, a known port,
/// a consistent length) and hands requests to the device on the target port. Answers swap target
/// and source and echo the invoke id. Input that breaks framing (truncated or oversized frames,
/// unknown AMS/TCP commands, a frame too short for an AMS header) closes the connection with a
/// log line naming what was wrong; everything else gets an ADS error answer. The server's sweep
/// asks <see cref="CheckTimeouts"/> whether the peer idles, sends too slowly or reads nothing.
/// </summary>
internal sealed class AmsConnection
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly ServerContext _server;
    private readonly AmsOutbox _outbox;
    private readonly AmsFrameReader _frames;
    private readonly AdsBufferWriter _answer = new(512);
    private readonly CancellationTokenSource _lifetime = new(); // never disposed: the sweep may still cancel it after the end
    private readonly TimeProvider _time;
    private readonly long _connectedAt;
    private long _lastReceived;
    private long _partialFrameSince;
    private string? _abortReason;

    public AmsConnection(long id, Socket socket, ServerContext server)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _server = server;
        var options = server.Options;
        _time = options.TimeProvider;
        _connectedAt = _time.GetTimestamp();
        _outbox = new AmsOutbox(options.MaxQueuedBytesPerConnection, _time);
        _frames = new AmsFrameReader(PipeReader.Create(_stream, new StreamPipeReaderOptions(leaveOpen: true)), options.MaxFrameSize,
            () => Interlocked.Exchange(ref _partialFrameSince, _time.GetTimestamp()));
        Session = new AdsSession(id, socket.RemoteEndPoint, options.MaxHandlesPerConnection, server.Counters, server.Log);
        Session.Notifications = new NotificationScheduler(Session, server.Router, _outbox, options, server.Counters, server.Log);
    }

    public AdsSession Session { get; }

    public EndPoint? Peer => Session.Peer;

    public AdsConnectionInfo Info => new(
        Session.ConnectionId, Peer as IPEndPoint, Session.Notifications.Count, Session.Notifications.WatchedBytes, Session.Handles.Count,
        _outbox.QueuedBytes, Session.Notifications.QueuedSampleBytes, Session.Notifications.SamplesDropped, _frames.PendingBytes);

    public long QueuedBytes => _outbox.QueuedBytes;

    public void OnChanged(AdsRange range) => Session.Notifications.OnChanged(range);

    /// <summary>
    /// Closes the connection if a timeout has passed at <paramref name="now"/> (a
    /// <see cref="TimeProvider.GetTimestamp"/> value); true if it did.
    /// </summary>
    public bool CheckTimeouts(long now)
    {
        var options = _server.Options;
        long waiting = _outbox.WaitingSince;
        long partial = Interlocked.Read(ref _partialFrameSince);
        long received = Interlocked.Read(ref _lastReceived);
        (ConnectionTimeout Kind, string Reason)? expired =
            waiting != 0 && Elapsed(waiting, now) >= options.SendTimeout
                ? (ConnectionTimeout.Send, $"the peer took none of the {_outbox.QueuedBytes} bytes waiting for it for {Seconds(options.SendTimeout)} (send timeout)")
            : partial != 0 && Elapsed(partial, now) >= options.RequestTimeout
                ? (ConnectionTimeout.Request, $"a frame begun {Seconds(Elapsed(partial, now))} ago is still incomplete, {_frames.PendingBytes} bytes of it received (request timeout {Seconds(options.RequestTimeout)})")
            : received == 0 && Elapsed(_connectedAt, now) >= options.RequestTimeout
                ? (ConnectionTimeout.Request, $"no request within {Seconds(options.RequestTimeout)} of connecting (request timeout)")
            : Elapsed(Math.Max(received, _outbox.LastSent), now) >= options.IdleTimeout
                ? (ConnectionTimeout.Idle, $"nothing received or sent for {Seconds(options.IdleTimeout)} (idle timeout)")
            : null;
        if (expired is not { } timeout || Interlocked.CompareExchange(ref _abortReason, timeout.Reason, null) is not null)
            return false;
        _server.Counters.ConnectionTimedOut();
        _server.Log.TimedOut(Session.ConnectionId, Peer, timeout.Kind, timeout.Reason);
        _ = _lifetime.CancelAsync(); // the connection's own tasks end it; not on the sweeping thread
        return true;
    }

    private TimeSpan Elapsed(long since, long now) => since >= now ? TimeSpan.Zero : _time.GetElapsedTime(since, now);

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";

    public async Task RunAsync(CancellationToken serverStopping)
    {
        using var stopping = serverStopping.Register(() => _lifetime.Cancel());
        var lifetime = _lifetime;
        var token = lifetime.Token;
        var writer = WriteLoopAsync(lifetime);
        var sampler = SampleLoopAsync(lifetime);
        string reason;
        try
        {
            reason = await ReadLoopAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Volatile.Read(ref _abortReason) is { } timedOut)
        {
            reason = timedOut;
        }
        catch (OperationCanceledException) when (serverStopping.IsCancellationRequested)
        {
            reason = "server stopping";
        }
        catch (OperationCanceledException)
        {
            reason = "sending to the peer failed";
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            reason = $"connection lost ({e.Message})";
        }
        catch (Exception e)
        {
            // A bug must cost this connection only, never the server; say so loudly.
            _server.Log.HandlerFailed(e, Session.ConnectionId, "reading requests");
            reason = $"internal error ({e.GetType().Name})";
        }
        _outbox.Complete();
        await Task.WhenAny(writer, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false); // answers still queued go out
        await lifetime.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(writer, sampler).ConfigureAwait(false);
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
        await _stream.DisposeAsync().ConfigureAwait(false);
        _server.Log.ConnectionClosed(Session.ConnectionId, Peer, reason, Session.Notifications.SamplesDropped);
    }

    private async Task<string> ReadLoopAsync(CancellationToken token)
    {
        while (true)
        {
            var read = await _frames.ReadAsync(token).ConfigureAwait(false);
            switch (read.Status)
            {
                case AmsFrameStatus.EndOfStream:
                    return "peer closed the connection";
                case AmsFrameStatus.Truncated:
                    return Violation($"the stream ended inside a frame ({read.BufferedBytes} bytes of it received)");
                case AmsFrameStatus.Oversized:
                    await AnswerOversizedAsync(read, token).ConfigureAwait(false);
                    return Violation($"a frame announced {read.AnnouncedFrameSize} bytes, the limit is {_frames.MaxFrameSize}");
            }
            _server.Counters.FrameReceived();
            Interlocked.Exchange(ref _partialFrameSince, 0);
            Interlocked.Exchange(ref _lastReceived, _time.GetTimestamp());
            string? close = read.TcpHeader.Command switch
            {
                AmsTcpCommand.AdsCommand => await HandleAdsAsync(read.Body, token).ConfigureAwait(false),
                AmsTcpCommand.PortConnect => await HandlePortConnectAsync(read.Body, token).ConfigureAwait(false),
                AmsTcpCommand.PortClose => "peer closed its AMS port (AMS/TCP 0x0001)",
                AmsTcpCommand.GetLocalNetId => await HandleGetNetIdAsync(token).ConfigureAwait(false),
                _ => Violation($"unknown AMS/TCP command 0x{(ushort)read.TcpHeader.Command:X4}"),
            };
            if (close is not null)
                return close;
        }
    }

    private async ValueTask<string?> HandleAdsAsync(ReadOnlyMemory<byte> body, CancellationToken token)
    {
        if (body.Length < AmsHeader.Size)
            return Violation($"an ADS frame of {body.Length} bytes is too short for the {AmsHeader.Size}-byte AMS header");
        var request = AmsHeader.Read(body.Span);
        if (request.IsResponse)
            return null; // an answer to nothing we asked; answering answers could loop forever
        if (!IsAllowedSource(request.Source.NetId))
            return Violation($"source net id {request.Source.NetId} is not in the allow-list");

        var payload = body[AmsHeader.Size..];
        var amsError = request.DataLength != (uint)payload.Length ? AdsErrorCode.InvalidAmsLength
            : !_server.IsOurs(request.Target.NetId) ? AdsErrorCode.TargetMachineNotFound
            : AdsErrorCode.NoError;
        var device = _server.DeviceAt(request.Target.Port);
        if (amsError == AdsErrorCode.NoError && device is null)
            amsError = AdsErrorCode.TargetPortNotFound;

        _answer.Clear();
        int start = AmsFrame.BeginAds(_answer, request.ToResponse());
        int payloadStart = _answer.Position;
        var result = AdsErrorCode.NoError;
        if (amsError == AdsErrorCode.NoError)
        {
            var context = new AdsRequestContext(Session, request.Source, request.Target);
            try
            {
                amsError = device!.Handle(context, request.Command, payload, _answer, out result);
            }
            catch (Exception e)
            {
                // A bug or a throwing write validator must not take the server down: answer "device error".
                _server.Log.HandlerFailed(e, Session.ConnectionId, request.Command.ToString());
                result = Replace(payloadStart, request.Command, AdsErrorCode.DeviceError);
            }
            if (_answer.Position - start > _server.Options.MaxFrameSize)
                result = Replace(payloadStart, request.Command, AdsErrorCode.DeviceInvalidSize);
        }
        if (amsError != AdsErrorCode.NoError)
        {
            _answer.Truncate(payloadStart);
            AmsFrame.SetErrorCode(_answer, start, amsError);
        }
        AmsFrame.EndAds(_answer, start);
        if (amsError != AdsErrorCode.NoError || result != AdsErrorCode.NoError)
        {
            _server.Counters.ErrorReplied();
            _server.Log.ErrorReply(request.Source, request.Command, request.Target, amsError != AdsErrorCode.NoError ? amsError : result);
        }
        await _outbox.EnqueueAsync(_answer.ToArray(), token).ConfigureAwait(false);
        Session.Notifications.ActivatePending(); // first samples only after the AddNotification answer
        return null;
    }

    private AdsErrorCode Replace(int payloadStart, AdsCommandId command, AdsErrorCode error)
    {
        _answer.Truncate(payloadStart);
        AdsResponseEncoder.WriteError(_answer, command, error);
        return error;
    }

    private async ValueTask<string?> HandlePortConnectAsync(ReadOnlyMemory<byte> body, CancellationToken token)
    {
        if (body.Length != 2)
            return Violation($"port connect (AMS/TCP 0x1000) carries {body.Length} bytes instead of a 2-byte port");
        if (_server.PortConnectRefusal is { } refusal)
            return Violation(refusal);
        ushort requested = BinaryPrimitives.ReadUInt16LittleEndian(body.Span);
        ushort port = requested == 0 || _server.DeviceAt(requested) is not null ? _server.NextClientPort() : requested;
        var assigned = new AmsAddress(_server.Options.NetId, port);
        Session.AssignedAddress = assigned;
        Span<byte> data = stackalloc byte[AmsAddress.Size];
        assigned.Write(data);
        await SendAmsTcpAsync(AmsTcpCommand.PortConnect, data.ToArray(), token).ConfigureAwait(false);
        return null;
    }

    private async ValueTask<string?> HandleGetNetIdAsync(CancellationToken token)
    {
        var data = new byte[AmsNetId.Size];
        _server.Options.NetId.Write(data);
        await SendAmsTcpAsync(AmsTcpCommand.GetLocalNetId, data, token).ConfigureAwait(false);
        return null;
    }

    // Best effort: if the AMS header of an oversized frame already arrived, tell the peer why we hang up.
    private async ValueTask AnswerOversizedAsync(AmsFrameReadResult read, CancellationToken token)
    {
        if (read.TcpHeader.Command != AmsTcpCommand.AdsCommand || read.Body.Length < AmsHeader.Size)
            return;
        var request = AmsHeader.Read(read.Body.Span);
        if (request.IsResponse)
            return;
        _answer.Clear();
        int start = AmsFrame.BeginAds(_answer, request.ToResponse());
        AdsResponseEncoder.WriteError(_answer, request.Command, AdsErrorCode.DeviceInvalidSize);
        AmsFrame.EndAds(_answer, start);
        _server.Counters.ErrorReplied();
        await _outbox.EnqueueAsync(_answer.ToArray(), token).ConfigureAwait(false);
    }

    private async ValueTask SendAmsTcpAsync(AmsTcpCommand command, byte[] data, CancellationToken token)
    {
        _answer.Clear();
        AmsFrame.WriteAmsTcp(_answer, command, data);
        await _outbox.EnqueueAsync(_answer.ToArray(), token).ConfigureAwait(false);
    }

    // The list means what it says: an address handed out by port connect passes only if it does.
    private bool IsAllowedSource(AmsNetId source) =>
        _server.AllowedNetIds.Count == 0 || _server.AllowedNetIds.Contains(source);

    private string Violation(string reason)
    {
        _server.Counters.ProtocolViolation();
        _server.Log.ProtocolViolation(Session.ConnectionId, Peer, reason);
        return reason;
    }

    private async Task WriteLoopAsync(CancellationTokenSource lifetime)
    {
        var output = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));
        try
        {
            await _outbox.RunAsync(output, lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            // Nobody can be answered any more: stop reading too.
            await lifetime.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task SampleLoopAsync(CancellationTokenSource lifetime)
    {
        try
        {
            await Session.Notifications.RunAsync(lifetime.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            _server.Log.HandlerFailed(e, Session.ConnectionId, "notification sampling");
            await lifetime.CancelAsync().ConfigureAwait(false);
        }
    }
}
