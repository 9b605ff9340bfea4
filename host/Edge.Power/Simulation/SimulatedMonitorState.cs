using Edge.Power.Samples;

namespace Edge.Power.Simulation;

/// <summary>The settings a simulated monitor holds, with the power-on defaults of UM2269.</summary>
internal sealed class SimulatedMonitorState
{
    public bool SessionOpen { get; set; }

    public double SupplyVolts { get; set; } = 3.3;

    public SamplingRate Rate { get; set; } = SamplingRate.FromHertz(100);

    /// <summary>null = infinite.</summary>
    public TimeSpan? AcquisitionTime { get; set; } = TimeSpan.FromSeconds(10);

    public SampleFormat Format { get; set; } = SampleFormat.Ascii;

    public bool HardwareTrigger { get; set; }

    public TimeSpan TriggerDelay { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>`pwr off` switches the target off; `on` and `auto` leave it powered while acquiring. A connection starts from <see cref="SimulatorOptions.Supply"/>'s state when there is one.</summary>
    public bool TargetPowered { get; set; } = true;

    /// <summary>LPM01A `eventsrc d7 ris|fal`: which edges become `event NN` lines; null = off.</summary>
    public bool? EventOnRising { get; set; }
}
