namespace Edge.PlcBridge.Service;

/// <summary>How the bridge copes with feeds: retries, checks and time. Code settings (tests shorten them), not configuration.</summary>
public sealed record BridgeServiceOptions
{
    /// <summary>First wait before calling a failed feed again; doubles per failure up to <see cref="RetryMaximum"/>.</summary>
    public TimeSpan RetryMinimum { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts: a board that comes back (after a power loss, say) is reconnected within this.</summary>
    public TimeSpan RetryMaximum { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often staleness and pending acknowledges are checked.</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest wait for a board to take an acknowledge.</summary>
    public TimeSpan AcknowledgeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for a feed to close on shutdown; a feed that hangs is abandoned.</summary>
    public TimeSpan DisposeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
