using Edge.Power.Acquisition;
using Edge.Power.Errors;
using Edge.Power.Protocol;
using Edge.Power.Samples;

namespace Edge.Power.Backends;

/// <summary>
/// What differs between the monitors that speak the PowerShield command language
/// (hil-stlink-v3pwr.md §1.9): how a session opens and closes, how replies are framed, the trigger
/// keyword, supply range, binary frame sizes and baud rate. Everything else (commands, number
/// syntax, sample encodings, decoders) is shared. The simulator reads the same description to
/// speak either dialect.
/// </summary>
public abstract class PowerMonitorBackend
{
    public abstract PowerMonitorModel Model { get; }

    /// <summary>The name the monitor reports and messages use.</summary>
    public abstract string Name { get; }

    /// <summary>What the host ends each command with; both monitors accept CRLF.</summary>
    public virtual string LineTerminator => "\r\n";

    public abstract ReplyRules ReplyRules { get; }

    /// <summary>The prompt the monitor prefixes its lines with, if any.</summary>
    public virtual string? Prompt => null;

    public abstract BinaryFrameLayout FrameLayout { get; }

    /// <summary>Serial speed; ignored over USB CDC.</summary>
    public abstract int BaudRate { get; }

    public abstract double MinSupplyVolts { get; }

    public abstract double MaxSupplyVolts { get; }

    /// <summary>
    /// The most current it measures before it reports an overcurrent and cuts the target's supply
    /// (hil-stlink-v3pwr.md §1.4, §1.8). A board drawing more cannot be measured with it.
    /// </summary>
    public abstract double MaxCurrentAmps { get; }

    /// <summary>Where <see cref="MaxCurrentAmps"/> comes from, for messages.</summary>
    public abstract string CurrentRangeNote { get; }

    /// <summary>The `trigsrc` keyword for the hardware trigger input.</summary>
    public abstract string HardwareTriggerKeyword { get; }

    /// <summary>Sent after the link is up and before anything else.</summary>
    public abstract IReadOnlyList<PowerCommand> OpeningCommands { get; }

    /// <summary>Sent, best effort, before the link is closed.</summary>
    public virtual IReadOnlyList<PowerCommand> ClosingCommands => [];

    /// <summary>Whether `stop` is followed by an `Acquisition completed` line.</summary>
    public virtual bool StopReportsCompletion => false;

    public virtual PowerCommand Volt(double volts)
    {
        if (volts < MinSupplyVolts - 1e-9 || volts > MaxSupplyVolts + 1e-9)
            throw new PowerMonitorException($"{Name} supplies {MinSupplyVolts:0.0#}–{MaxSupplyVolts:0.0#} V; {volts:0.###} V is outside that range.");
        return PowerCommands.Volt(volts);
    }

    public virtual PowerCommand Pwr(bool on) => PowerCommands.Pwr(on);

    public PowerCommand TrigSrc(TriggerSource source) =>
        PowerCommands.TrigSrc(source == TriggerSource.Hardware ? HardwareTriggerKeyword : "sw");

    /// <summary>The longest acquisition the monitor streams at this format and rate; null = unlimited.</summary>
    public virtual TimeSpan? MaxAcquisitionTime(SampleFormat format, SamplingRate rate) => null;

    /// <summary>Reads the board id out of the `powershield` reply.</summary>
    public virtual string BoardIdFrom(Reply identify) => identify.LastValue ?? "unknown";

    public StreamDecoder CreateDecoder(SampleFormat format, SamplingRate rate) =>
        format == SampleFormat.Binary ? new BinaryStreamDecoder(rate, FrameLayout) : new AsciiStreamDecoder(rate);

    public static PowerMonitorBackend For(PowerMonitorModel model) => model switch
    {
        PowerMonitorModel.StlinkV3Pwr => StlinkV3PwrBackend.Instance,
        PowerMonitorModel.Lpm01a => Lpm01aBackend.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown power monitor model."),
    };
}
