namespace Edge.Power.Simulation;

/// <summary>Where a running simulator can be reached, and a way to shut it down.</summary>
public interface ISimulatorHost : IAsyncDisposable
{
    /// <summary>What a driver opens: `tcp://127.0.0.1:40123` or `/dev/pts/5`. A pty host gets a new one after a drop.</summary>
    string Address { get; }

    /// <summary>Clients served so far, the current one included.</summary>
    int Connections { get; }

    /// <summary>Raised with the new address when it changes (a pty recreated after a drop).</summary>
    event Action<string>? AddressChanged;

    /// <summary>Ends when the host is disposed; faults if serving failed.</summary>
    Task Completion { get; }
}
