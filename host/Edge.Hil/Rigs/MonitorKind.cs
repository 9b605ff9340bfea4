namespace Edge.Hil.Rigs;

/// <summary>The power monitor in front of a board.</summary>
public enum MonitorKind
{
    /// <summary><c>PowerMonitorSimulator</c> (STLINK-V3PWR dialect) on loopback TCP, fed by the simulated board's current.</summary>
    Simulated,

    /// <summary>ST STLINK-V3PWR on its power-monitor virtual COM port.</summary>
    StlinkV3Pwr,

    /// <summary>ST X-NUCLEO-LPM01A.</summary>
    Lpm01a,
}
