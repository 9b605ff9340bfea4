using Edge.Power.Samples;

namespace Edge.Power.Protocol;

/// <summary>
/// Builds the commands of the PowerShield language that both monitors speak (hil-stlink-v3pwr.md
/// §1.4). Dialect-specific spellings (trigger keyword, output selector, session opening) come
/// from the backend, which passes them in.
/// </summary>
public static class PowerCommands
{
    public static PowerCommand Identify { get; } = new("powershield");

    public static PowerCommand Version { get; } = new("version");

    /// <summary>STLINK-V3PWR: enter power-monitor mode; every V3PWR driver sends it first.</summary>
    public static PowerCommand PowerMonitorMode { get; } = new("power_monitor");

    /// <summary>LPM01A: host takes control (leaves standalone mode).</summary>
    public static PowerCommand HostTakeControl { get; } = new("htc");

    /// <summary>LPM01A: host releases control.</summary>
    public static PowerCommand HostReleaseControl { get; } = new("hrc");

    public static PowerCommand Start { get; } = new("start", Retryable: false);

    public static PowerCommand Stop { get; } = new("stop", Retryable: false);

    public static PowerCommand Status { get; } = new("status");

    public static PowerCommand TemperatureCelsius { get; } = new("temp degc");

    /// <summary>`volt 3300m`, or `volt vout 3300m` with an output selector (V3PWR).</summary>
    public static PowerCommand Volt(double volts, string? output = null) =>
        new(output is null ? $"volt {NumberSyntax.Milli(volts)}" : $"volt {output} {NumberSyntax.Milli(volts)}");

    public static PowerCommand Freq(SamplingRate rate) => new($"freq {rate.ToProtocolString()}");

    /// <summary>`acqtime 2`, `acqtime 500m`; null = `acqtime inf` (until `stop`).</summary>
    public static PowerCommand AcqTime(TimeSpan? duration) =>
        new($"acqtime {(duration is null ? "inf" : NumberSyntax.Seconds(duration.Value))}");

    public static PowerCommand Format(SampleFormat format) =>
        new($"format {(format == SampleFormat.Binary ? "bin_hexa" : "ascii_dec")}");

    /// <summary>`trigsrc sw`, or the backend's hardware keyword (`hw` on the V3PWR, `d7` on the LPM01A).</summary>
    public static PowerCommand TrigSrc(string keyword) => new($"trigsrc {keyword}");

    public static PowerCommand TrigDelay(TimeSpan delay) => new($"trigdelay {(delay == TimeSpan.Zero ? "0m" : NumberSyntax.Seconds(delay))}");

    /// <summary>`pwr on|off`, or `pwr vout on|off` with an output selector (V3PWR).</summary>
    public static PowerCommand Pwr(bool on, string? output = null) =>
        new(output is null ? $"pwr {(on ? "on" : "off")}" : $"pwr {output} {(on ? "on" : "off")}");

    /// <summary>`targrst 10m`: power-cycle the target for that long. Not retried: a second reset is not harmless.</summary>
    public static PowerCommand TargetReset(TimeSpan offTime) => new($"targrst {NumberSyntax.Seconds(offTime)}", Retryable: false);

    /// <summary>LPM01A `eventsrc d7 fal`: report target GPIO edges as `event NN ris` lines.</summary>
    public static PowerCommand EventSource(string pin, string edge) => new($"eventsrc {pin} {edge}");
}
