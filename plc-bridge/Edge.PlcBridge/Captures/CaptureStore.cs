using System.Globalization;
using System.Text;
using System.Text.Json;
using Edge.Board.Client;
using Edge.Common.Files;
using Edge.Device.Drift;
using Edge.PlcBridge.Configuration;
using Edge.Store;
using Edge.Store.Spool;

namespace Edge.PlcBridge.Captures;

/// <summary>
/// Where a board's retraining capture goes before the bridge forwards an acknowledge (which makes
/// the board release it), written completely and durably or not at all: one CSV per frozen capture,
/// `BOARD-window-N.csv` in the capture folder; or, with a `store:`, an entry in the spool (the CSV and a
/// <see cref="StoredCapture"/> record naming board, model, profile and time) that the bridge's uploader
/// sends to the artifact store and removes once the store has it. Local disk only, so the ADS side never
/// waits for the store.
/// </summary>
public sealed class CaptureStore(BoardEndpointConfig board)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public string Folder { get; } = board.CaptureFolder;

    /// <summary>The file a board's capture frozen at a window goes to (without a store).</summary>
    public string PathFor(string boardName, long frozenAtWindow) =>
        Path.Combine(Folder, $"{boardName}-window-{frozenAtWindow.ToString(CultureInfo.InvariantCulture)}.csv");

    /// <summary>Stores the rows; returns where (the file, or the spool). Throws an IOException naming the place when they cannot be written.</summary>
    public string Save(CaptureSummary capture, IReadOnlyList<CapturedRow> rows, DriftProfile? profile, string modelId)
    {
        byte[] csv = Encoding.UTF8.GetBytes(CaptureCsv.Write(rows, profile, capture.Columns));
        string path = PathFor(board.Name, capture.FrozenAtWindow);
        if (board.CaptureSpool is { } spool) return Spool(spool, capture, rows.Count, csv, modelId, Path.GetFileName(path));
        try
        {
            // One durable writer for the whole product (temporary file, fsync, rename, fsync the folder).
            Directory.CreateDirectory(Folder);
            AtomicFile.Write(path, csv);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot store the capture in {path}: {e.Message}", e);
        }
        return path;
    }

    private string Spool(string folder, CaptureSummary capture, int rowCount, byte[] csv, string modelId, string fileName)
    {
        var now = DateTime.UtcNow;
        string name = $"{StoredCapture.Folder}/{board.Name}/{now.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}-w{capture.FrozenAtWindow.ToString(CultureInfo.InvariantCulture)}.json";
        try
        {
            new StoreSpool(folder).Add($"capture of {board.Name} frozen at window {capture.FrozenAtWindow}", [SpoolBlob.Of(csv)], hashes =>
            [
                new SpoolRecord(name, JsonSerializer.SerializeToUtf8Bytes(new StoredCapture
                {
                    Board = board.Name,
                    ModelId = modelId,
                    Profile = board.ProfilePath is { } p ? Path.GetFileName(p) : "",
                    ProfileSha256 = board.ProfilePath is { } q ? ContentHash.Of(System.IO.File.ReadAllBytes(q)) : "",
                    FrozenAtWindow = capture.FrozenAtWindow,
                    Rows = rowCount,
                    Columns = capture.Columns,
                    CapturedUtc = now.ToString("O", CultureInfo.InvariantCulture),
                    Bridge = Environment.MachineName,
                    File = fileName,
                    Sha256 = hashes[0],
                    Bytes = csv.Length,
                }, Json)),
            ]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot spool the capture in {folder}: {e.Message}", e);
        }
        return $"{folder} (for {name})";
    }
}
