using System.Globalization;
using Edge.Power.Samples;

namespace Edge.Hil.Plan;

/// <summary>
/// How each cell is measured: warm-up and measured inferences (MLPerf Tiny's runner warms up
/// before timing too), the monitor's rate, idle time recorded before the first inference and
/// after the last, accuracy rows, and the unattended-run limits. The rig file sets it; the
/// command line may override any field.
/// </summary>
public sealed record MeasurementPlan
{
    /// <summary>Inferences run before the measured ones and left out of the figures (caches, first-call paths).</summary>
    public int Warmup { get; init; } = 2;

    /// <summary>Measured inferences per cell; energy and latency are their mean and spread.</summary>
    public int Inferences { get; init; } = 10;

    public SamplingRate Rate { get; init; } = SamplingRate.Hz100k;

    /// <summary>Idle current recorded before the warm-up (the trace's baseline).</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Recorded after the last falling edge before the acquisition is stopped.</summary>
    public TimeSpan Tail { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Rows of the data set run on the board and compared with ONNX Runtime (evenly spread over the table).</summary>
    public int AccuracyRows { get; init; } = 500;

    /// <summary>A single-score model's decision threshold (positive at or above).</summary>
    public double DecisionThreshold { get; init; } = 0.5;

    /// <summary>One attempt of one cell may take this long before it is abandoned.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Further attempts after a failed one, each after resetting the target.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>How long the target's supply stays off in a power cycle (`targrst` takes 10 ms .. 1 s).</summary>
    public TimeSpan PowerOffTime { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>A real board's time from power-on until its link answers (nanoCLR boot and the board app's start).</summary>
    public TimeSpan BootTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>What shapes the figures (not the limits): part of every cell's input hash, so a changed plan re-measures on --resume.</summary>
    public string Canonical => string.Create(CultureInfo.InvariantCulture,
        $"warmup={Warmup};inferences={Inferences};rate={Rate.Hertz};settle={Settle.Ticks};tail={Tail.Ticks};rows={AccuracyRows};threshold={DecisionThreshold:R}");

    /// <summary>The longest cell timeout: a day is beyond any real cell, and timers take at most about 49 days.</summary>
    public static readonly TimeSpan MaxCellTimeout = TimeSpan.FromHours(24);

    /// <summary>Checks the ranges; returns the problem or null.</summary>
    public string? Problem() =>
        Warmup < 0 ? "warmup must be 0 or more"
        : Inferences < 1 ? "inferences must be at least 1"
        : Inferences + Warmup > ushort.MaxValue ? $"at most {ushort.MaxValue} inferences per cell"
        : AccuracyRows < 1 ? "accuracy-rows must be at least 1"
        : Retries < 0 ? "retries must be 0 or more"
        : CellTimeout <= TimeSpan.Zero || CellTimeout > MaxCellTimeout ? "cell-timeout must be positive and at most 24h"
        : BootTime > MaxCellTimeout || Settle > MaxCellTimeout || Tail > MaxCellTimeout ? "boot-time, settle and tail must be at most 24h"
        : Settle < TimeSpan.Zero || Tail < TimeSpan.Zero ? "settle and tail cannot be negative"
        : PowerOffTime < TimeSpan.FromMilliseconds(10) || PowerOffTime > TimeSpan.FromSeconds(1) ? "power-off must be 10ms .. 1s (the monitor's targrst range)"
        : null;
}
