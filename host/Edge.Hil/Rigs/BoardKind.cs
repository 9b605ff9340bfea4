namespace Edge.Hil.Rigs;

/// <summary>What sits at a rig position.</summary>
public enum BoardKind
{
    /// <summary>A <c>SimulatedBoard</c> running the device code, with a simulated power monitor the harness starts itself.</summary>
    Simulated,

    /// <summary>A real STM32 Nucleo board with nanoFramework, flashed with <c>nanoff</c>, measured by a real monitor. Untested: no hardware here.</summary>
    Nucleo,
}
