namespace Edge.Power.Backends;

/// <summary>Which monitor is on the other end.</summary>
public enum PowerMonitorModel
{
    /// <summary>ST's STLINK-V3PWR (USB 0483:3757, second virtual COM port "…VCP PWR").</summary>
    StlinkV3Pwr,

    /// <summary>ST's X-NUCLEO-LPM01A PowerShield board (USB 0483:5740, 3 686 400 Bd).</summary>
    Lpm01a,
}
