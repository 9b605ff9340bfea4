using System.Globalization;
using System.Text;
using Edge.Board.Client;
using Edge.Device.Drift;

namespace Edge.PlcBridge.Captures;

/// <summary>
/// Where a board's retraining capture goes before the bridge forwards an acknowledge (which makes
/// the board release it): one CSV per frozen capture, `BOARD-window-N.csv` in the capture folder,
/// written completely and durably or not at all. A capture already stored is not written again.
/// </summary>
public sealed class CaptureStore(string folder)
{
    public string Folder { get; } = folder;

    /// <summary>The file a board's capture frozen at a window goes to.</summary>
    public string PathFor(string board, long frozenAtWindow) =>
        Path.Combine(Folder, $"{board}-window-{frozenAtWindow.ToString(CultureInfo.InvariantCulture)}.csv");

    /// <summary>Stores the rows; returns the file. Throws an IOException naming the file when it cannot be written.</summary>
    public string Save(string board, CaptureSummary capture, IReadOnlyList<CapturedRow> rows, DriftProfile? profile)
    {
        string path = PathFor(board, capture.FrozenAtWindow);
        Directory.CreateDirectory(Folder);
        WriteDurably(path, Encoding.UTF8.GetBytes(CaptureCsv.Write(rows, profile, capture.Columns)));
        return path;
    }

    // Temporary file, fsync, rename: the bridge has no reference to the host tools' AtomicFile (it
    // would bring their data stack); once a light shared one exists, this becomes a call to it.
    private static void WriteDurably(string path, byte[] bytes)
    {
        string temporary = path + ".partial";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                file.Write(bytes);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { }
            throw new IOException($"cannot store the capture in {path}: {e.Message}", e);
        }
    }
}
