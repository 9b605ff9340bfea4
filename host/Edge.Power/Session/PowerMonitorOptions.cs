using Edge.Power.Backends;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Power.Session;

/// <summary>How to talk to a monitor. Defaults suit a real STLINK-V3PWR; tests against the simulator shorten the waits.</summary>
public sealed record PowerMonitorOptions
{
    public PowerMonitorModel Model { get; init; } = PowerMonitorModel.StlinkV3Pwr;

    /// <summary>How long a command may take to be acknowledged (minuteOS waits 5 s; ST's scripts a few seconds).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How often a retryable command is sent again after no answer or a garbled one.</summary>
    public int CommandRetries { get; init; } = 1;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>An acquisition that receives nothing for this long fails (longer with a hardware trigger that may wait for the target).</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>After `stop`, this much silence counts as the end when no end marker comes.</summary>
    public TimeSpan StopQuietPeriod { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>`volt` starts a self-calibration; ST's scripts wait 1 s after it.</summary>
    public TimeSpan VoltageSettleTime { get; init; } = TimeSpan.FromSeconds(1);

    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>The clock of every timeout, quiet period and settle time; tests pass a fake one and advance it.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Test hook: the driver reports its line activity here (see <see cref="LineActivity"/>).</summary>
    internal LineActivity? Activity { get; init; }
}
