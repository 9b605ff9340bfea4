using Edge.Power.Acquisition;
using Edge.Power.Protocol;

namespace Edge.Power.Backends;

/// <summary>
/// STLINK-V3PWR: session opens with `power_monitor`, replies are blocks closed by an empty line,
/// `powershield` answers `ack STLINK-V3PWR &lt;id&gt;`, trigger input `hw` (TGI), 1.6–3.6 V, F5 frames
/// of 8 bytes and extra types F8..FB (ST's x-cube-n6 power scripts, minuteOS; §1.3, §1.5, §1.9).
/// </summary>
public sealed class StlinkV3PwrBackend : PowerMonitorBackend
{
    public static StlinkV3PwrBackend Instance { get; } = new();

    public override PowerMonitorModel Model => PowerMonitorModel.StlinkV3Pwr;

    public override string Name => "STLINK-V3PWR";

    public override ReplyRules ReplyRules { get; } = new(
        BlankLineEndsReply: true,
        AckAliases: new Dictionary<string, string[]> { ["powershield"] = ["STLINK-V3PWR"] });

    public override BinaryFrameLayout FrameLayout => BinaryFrameLayout.StlinkV3Pwr;

    public override int BaudRate => 115200;

    public override double MinSupplyVolts => 1.6;

    public override double MaxSupplyVolts => 3.6;

    public override double MaxCurrentAmps => 0.500;

    public override string CurrentRangeNote => "100 nA to 500 mA in four auto-switched ranges";

    public override string HardwareTriggerKeyword => "hw";

    public override IReadOnlyList<PowerCommand> OpeningCommands { get; } = [PowerCommands.PowerMonitorMode];
}
