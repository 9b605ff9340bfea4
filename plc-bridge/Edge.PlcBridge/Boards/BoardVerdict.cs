namespace Edge.PlcBridge.Boards;

/// <summary>
/// The window verdict as a PLC number. The codes are the board's own (the u8 of its status record,
/// firmware/Edge.Device/Drift/WindowVerdict.cs), so one table serves the link and the PLC.
/// </summary>
public static class BoardVerdict
{
    public const byte Clean = 0;
    public const byte Drifting = 1;
    public const byte Confirmed = 2;
    public const byte AnomalyBurst = 3;

    /// <summary>No telemetry yet, or a verdict this bridge does not know.</summary>
    public const byte Unknown = 255;

    public static IReadOnlyList<string> Names { get; } = ["clean", "drifting", "confirmed", "anomaly-burst"];

    public static byte Code(string? verdict)
    {
        for (int i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], verdict, StringComparison.OrdinalIgnoreCase))
                return (byte)i;
        }
        return Unknown;
    }
}
