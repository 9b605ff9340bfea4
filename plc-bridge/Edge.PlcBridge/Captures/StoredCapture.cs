namespace Edge.PlcBridge.Captures;

/// <summary>
/// `captures/BOARD/TIME-wWINDOW.json` in the artifact store: a retraining capture a board froze on confirmed
/// drift, with what it is needed for retraining (board, model, drift profile, time) and its CSV as a blob.
/// </summary>
public sealed record StoredCapture
{
    public const string CurrentFormat = "edge-capture/1";

    public const string Folder = "captures";

    public string Format { get; init; } = CurrentFormat;

    public string Board { get; init; } = "";

    /// <summary>Hex id of the model the board ran (its status record); "" when none was loaded.</summary>
    public string ModelId { get; init; } = "";

    /// <summary>The drift profile file of the board's configuration (`profile:`), by name and SHA-256; "" without one.</summary>
    public string Profile { get; init; } = "";

    public string ProfileSha256 { get; init; } = "";

    public long FrozenAtWindow { get; init; }

    public int Rows { get; init; }

    public int Columns { get; init; }

    /// <summary>When the bridge fetched it (UTC, ISO 8601).</summary>
    public string CapturedUtc { get; init; } = "";

    /// <summary>The machine the bridge ran on.</summary>
    public string Bridge { get; init; } = "";

    /// <summary>The capture as CSV (as `edge board capture` writes it): its file name and blob.</summary>
    public string File { get; init; } = "";

    public string Sha256 { get; init; } = "";

    public long Bytes { get; init; }
}
