namespace Edge.Board.Link;

/// <summary>How patient the host is with a board, and how much it pipelines.</summary>
public sealed record LinkOptions
{
    /// <summary>Wait for the oldest unanswered request's answer before resending it and everything after it (same ids).</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Sends of one request before the link counts as broken (every later request waits behind it).</summary>
    public int Attempts { get; init; } = 8;

    /// <summary>Requests the host keeps in flight at most; hello settles on the smaller of this and the board's window.</summary>
    public int Window { get; init; } = 16;

    /// <summary>
    /// With no request in flight for this long, send a `ping`: a board that lost power behind a
    /// half-open TCP connection (or a dead serial line) is then noticed within
    /// Heartbeat + Attempts x ResponseTimeout. Null: no heartbeat.
    /// </summary>
    public TimeSpan? Heartbeat { get; init; }

    /// <summary>Telemetry frames kept for a slow reader; older ones are dropped (and counted).</summary>
    public int TelemetryBuffer { get; init; } = 4096;

    /// <summary>Time for timeouts and the heartbeat (tests use a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Test hook: the client reports its writes owed and requests awaiting answers here (see <see cref="Link.LinkActivity"/>).</summary>
    internal LinkActivity? Activity { get; init; }
}
