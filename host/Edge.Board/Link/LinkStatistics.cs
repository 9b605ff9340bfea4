namespace Edge.Board.Link;

/// <summary>What the host's side of the link has seen (thread-safe counters).</summary>
public sealed class LinkStatistics
{
    private long _requests, _resends, _responses, _strayResponses, _outOfOrder, _telemetry, _telemetryDropped, _framesLost, _bytesSent, _bytesReceived,
        _payloadSent, _payloadReceived, _heartbeats;

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests sent again (after a timeout, or because the board said which id it expects).</summary>
    public long Resends => Interlocked.Read(ref _resends);

    public long Responses => Interlocked.Read(ref _responses);

    /// <summary>Responses to requests no longer awaited (late duplicates, other sessions).</summary>
    public long StrayResponses => Interlocked.Read(ref _strayResponses);

    /// <summary>Out-of-order answers: the board expected an earlier id (one was lost on the way).</summary>
    public long OutOfOrder => Interlocked.Read(ref _outOfOrder);

    public long TelemetryFrames => Interlocked.Read(ref _telemetry);

    /// <summary>Telemetry frames dropped because the reader fell behind.</summary>
    public long TelemetryDropped => Interlocked.Read(ref _telemetryDropped);

    /// <summary>Board frames missing by their sequence numbers (lost or rejected on the way).</summary>
    public long FramesLost => Interlocked.Read(ref _framesLost);

    /// <summary>Bytes on the line, frame overhead and COBS included.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>Payload bytes of the frames sent (first sends) and accepted: what the link carried for its users.</summary>
    public long PayloadSent => Interlocked.Read(ref _payloadSent);

    public long PayloadReceived => Interlocked.Read(ref _payloadReceived);

    /// <summary>Pings sent because the link was idle.</summary>
    public long Heartbeats => Interlocked.Read(ref _heartbeats);

    /// <summary>Frames the decoder rejected (corrupt, wrong CRC, overlong): set from the decoder.</summary>
    public long FramesRejected { get; internal set; }

    public long CrcErrors { get; internal set; }

    /// <summary>Intact frames of another protocol version (the board runs other firmware).</summary>
    public long ForeignVersionFrames { get; internal set; }

    internal void Request(int payload)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _payloadSent, payload);
    }

    internal void Resend() => Interlocked.Increment(ref _resends);
    internal void Response(int payload)
    {
        Interlocked.Increment(ref _responses);
        Interlocked.Add(ref _payloadReceived, payload);
    }

    internal void StrayResponse() => Interlocked.Increment(ref _strayResponses);
    internal void OutOfOrderAnswer() => Interlocked.Increment(ref _outOfOrder);
    internal void Telemetry(int payload)
    {
        Interlocked.Increment(ref _telemetry);
        Interlocked.Add(ref _payloadReceived, payload);
    }

    internal void DroppedTelemetry() => Interlocked.Increment(ref _telemetryDropped);
    internal void FramesMissing(long count) => Interlocked.Add(ref _framesLost, count);
    internal void Sent(int bytes) => Interlocked.Add(ref _bytesSent, bytes);
    internal void Received(int bytes) => Interlocked.Add(ref _bytesReceived, bytes);
    internal void Heartbeat() => Interlocked.Increment(ref _heartbeats);
}
