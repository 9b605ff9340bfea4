using Edge.Power.Acquisition;
using Edge.Power.Protocol;
using Edge.Power.Samples;

namespace Edge.Power.Backends;

/// <summary>
/// X-NUCLEO-LPM01A (PowerShield firmware ≥ 1.0.6): host takes control with `htc` and gives it back
/// with `hrc`, every line carries the `PowerShield > ` prompt, `stop` is followed by `Acquisition
/// completed`, trigger input `d7`, 1.8–3.3 V, 3 686 400 Bd; ASCII streaming is time-limited above
/// 5 kHz by the UART (UM2269 via mlcommons/tiny, lazicdanilo/LPM01A-lib; §1.3–§1.5).
/// </summary>
public sealed class Lpm01aBackend : PowerMonitorBackend
{
    public static Lpm01aBackend Instance { get; } = new();

    public override PowerMonitorModel Model => PowerMonitorModel.Lpm01a;

    public override string Name => "LPM01A";

    public override ReplyRules ReplyRules { get; } = new(BlankLineEndsReply: false, AckAliases: new Dictionary<string, string[]>());

    public override string? Prompt => "PowerShield > ";

    public override BinaryFrameLayout FrameLayout => BinaryFrameLayout.Lpm01a;

    public override int BaudRate => 3_686_400;

    public override double MinSupplyVolts => 1.8;

    public override double MaxSupplyVolts => 3.3;

    // Dynamic mode (the only one that streams samples): 50 mA in practice; a bench tripped at about 59 mA.
    public override double MaxCurrentAmps => 0.050;

    public override string CurrentRangeNote => "dynamic mode, about 50 mA in practice; it trips near 59 mA";

    public override string HardwareTriggerKeyword => "d7";

    public override IReadOnlyList<PowerCommand> OpeningCommands { get; } = [PowerCommands.HostTakeControl];

    public override IReadOnlyList<PowerCommand> ClosingCommands { get; } = [PowerCommands.HostReleaseControl];

    public override bool StopReportsCompletion => true;

    /// <summary>UM2269's table at 3 686 400 Bd: ASCII ≤ 5 kHz unlimited, 10 kHz 1 s, 20 kHz 0.5 s; binary ≤ 100 kHz unlimited.</summary>
    public override TimeSpan? MaxAcquisitionTime(SampleFormat format, SamplingRate rate) =>
        format == SampleFormat.Binary || rate.Hertz <= 5_000 ? null
        : rate.Hertz == 10_000 ? TimeSpan.FromSeconds(1)
        : rate.Hertz == 20_000 ? TimeSpan.FromMilliseconds(500)
        : TimeSpan.Zero;
}
