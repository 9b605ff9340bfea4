namespace Edge.Power.Simulation;

/// <summary>Why the simulator stopped serving a connection.</summary>
public enum SimulatorSessionEnd
{
    /// <summary>The client closed its end.</summary>
    PeerClosed,

    /// <summary>The drop fault fired: the host must close the transport, as if the cable were pulled.</summary>
    Dropped,

    /// <summary>The simulator was shut down.</summary>
    Cancelled,
}
