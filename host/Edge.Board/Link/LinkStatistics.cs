namespace Edge.Board.Link;

/// <summary>What the host's side of the link has seen (thread-safe counters).</summary>
public sealed class LinkStatistics
{
    private long _requests, _resends, _responses, _strayResponses, _telemetry, _telemetryDropped, _framesLost, _bytesSent, _bytesReceived;

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests sent again after a timeout.</summary>
    public long Resends => Interlocked.Read(ref _resends);

    public long Responses => Interlocked.Read(ref _responses);

    /// <summary>Responses to requests no longer awaited (late duplicates).</summary>
    public long StrayResponses => Interlocked.Read(ref _strayResponses);

    public long TelemetryFrames => Interlocked.Read(ref _telemetry);

    /// <summary>Telemetry frames dropped because the reader fell behind.</summary>
    public long TelemetryDropped => Interlocked.Read(ref _telemetryDropped);

    /// <summary>Board frames missing by their sequence numbers (lost or rejected on the way).</summary>
    public long FramesLost => Interlocked.Read(ref _framesLost);

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>Frames the decoder rejected (corrupt, wrong CRC, overlong): set from the decoder.</summary>
    public long FramesRejected { get; internal set; }

    public long CrcErrors { get; internal set; }

    internal void Request() => Interlocked.Increment(ref _requests);
    internal void Resend() => Interlocked.Increment(ref _resends);
    internal void Response() => Interlocked.Increment(ref _responses);
    internal void StrayResponse() => Interlocked.Increment(ref _strayResponses);
    internal void Telemetry() => Interlocked.Increment(ref _telemetry);
    internal void DroppedTelemetry() => Interlocked.Increment(ref _telemetryDropped);
    internal void FramesMissing(long count) => Interlocked.Add(ref _framesLost, count);
    internal void Sent(int bytes) => Interlocked.Add(ref _bytesSent, bytes);
    internal void Received(int bytes) => Interlocked.Add(ref _bytesReceived, bytes);
}
