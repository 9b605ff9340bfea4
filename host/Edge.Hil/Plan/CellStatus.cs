namespace Edge.Hil.Plan;

/// <summary>How a cell ended. Measured and does-not-fit cells are complete (--resume keeps them); failed cells run again.</summary>
public static class CellStatus
{
    /// <summary>Measured: energy, latency, accuracy and memory recorded.</summary>
    public const string Ok = "ok";

    /// <summary>The model exceeds the board's staging, arena or heap budget (checked before upload, or refused by the board).</summary>
    public const string DoesNotFit = "does-not-fit";

    /// <summary>Every attempt failed; the reason names the phase and what went wrong.</summary>
    public const string Failed = "failed";

    public static bool IsComplete(string status) => status is Ok or DoesNotFit;
}
