namespace Edge.Board.Link;

/// <summary>How patient the host is with a board.</summary>
public sealed record LinkOptions
{
    /// <summary>Wait for a response before resending the request (same id).</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Sends of one request before giving up.</summary>
    public int Attempts { get; init; } = 8;

    /// <summary>Telemetry frames kept for a slow reader; older ones are dropped (and counted).</summary>
    public int TelemetryBuffer { get; init; } = 4096;
}
