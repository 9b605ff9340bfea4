using Edge.Power.Backends;

namespace Edge.Power.Simulation;

/// <summary>What the simulator pretends to be and how it behaves.</summary>
public sealed record SimulatorOptions
{
    public PowerMonitorModel Model { get; init; } = PowerMonitorModel.StlinkV3Pwr;

    /// <summary>What the simulated target draws.</summary>
    public ICurrentProfile Profile { get; init; } = new PeriodicInferenceProfile(
        IdleAmps: 0.002, ActiveAmps: 0.025, InferenceSeconds: 0.005, PeriodSeconds: 0.020);

    public SimulatorFaults Faults { get; init; } = SimulatorFaults.None;

    /// <summary>Pace samples to the wall clock (as a real monitor does); false streams as fast as the link takes them.</summary>
    public bool RealTime { get; init; } = true;

    /// <summary>Current above which the monitor reports overcurrent and cuts the supply; default: the model's <see cref="PowerMonitorBackend.MaxCurrentAmps"/>.</summary>
    public double? OvercurrentAmps { get; init; }

    /// <summary>Seeds the garbage bytes.</summary>
    public int Seed { get; init; } = 1;

    public string BoardId { get; init; } = "SIM0001";

    public string FirmwareVersion { get; init; } = "1.0.6";

    public double OvercurrentLimit => OvercurrentAmps ?? PowerMonitorBackend.For(Model).MaxCurrentAmps;
}
