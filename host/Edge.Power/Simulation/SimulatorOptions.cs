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

    /// <summary>The target's supply as something else sees it (a simulated board that stops when switched off); null: each connection starts with the target powered, and only the reported current follows `pwr`.</summary>
    public ITargetSupply? Supply { get; init; }

    /// <summary>Pace samples to the wall clock (as a real monitor does); false streams as fast as the link takes them.</summary>
    public bool RealTime { get; init; } = true;

    /// <summary>The clock that paces a <see cref="RealTime"/> stream; tests pass the fake clock the driver runs on.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Current above which the monitor reports overcurrent and cuts the supply; default: the model's <see cref="PowerMonitorBackend.MaxCurrentAmps"/>.</summary>
    public double? OvercurrentAmps { get; init; }

    /// <summary>Seeds the garbage bytes.</summary>
    public int Seed { get; init; } = 1;

    public string BoardId { get; init; } = "SIM0001";

    public string FirmwareVersion { get; init; } = "1.0.6";

    /// <summary>Test hook: the simulator reports its reads, writes and streams here (see <see cref="Session.LineActivity"/>).</summary>
    internal Session.LineActivity? Activity { get; init; }

    public double OvercurrentLimit => OvercurrentAmps ?? PowerMonitorBackend.For(Model).MaxCurrentAmps;
}
