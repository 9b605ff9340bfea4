namespace Edge.Hil.Plan;

/// <summary>Firmware revisions as cells name them.</summary>
public static class FirmwareVersions
{
    /// <summary>No revision asked for: the board is measured with whatever it runs (a simulated board: this build's).</summary>
    public const string Current = "current";
}
