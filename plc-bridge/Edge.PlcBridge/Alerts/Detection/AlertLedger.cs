using System.Text.Json;
using Edge.Common.Files;
using Edge.PlcBridge.Alerts.Events;
using Microsoft.Extensions.Logging;

namespace Edge.PlcBridge.Alerts.Detection;

/// <summary>
/// Per board and kind of alert: the state last seen and the sequence of the last event sent, kept
/// in a small JSON file so a restarted bridge judges transitions against what it already sent
/// (an alarm still raised after a restart is not sent again; the next event continues the
/// sequence, so its id is new). Changes are recorded in memory by the board watchers and written
/// by the dispatcher's background loop (<see cref="WriteIfChanged"/>), never on a board's
/// thread; each write replaces the file atomically (Edge.Common's <see cref="AtomicFile"/>).
/// </summary>
internal sealed class AlertLedger
{
    private const int FileVersion = 1;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, AlertLedgerEntry>> _boards;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _version, _written;

    public AlertLedger(string path, ILogger logger)
    {
        Path = path;
        _boards = Load(path, logger);
    }

    public string Path { get; }

    public bool TryGet(string board, string kind, out AlertLedgerEntry entry)
    {
        lock (_gate)
        {
            entry = null!;
            return _boards.TryGetValue(board, out var kinds) && kinds.TryGetValue(kind, out entry!);
        }
    }

    public void Set(string board, string kind, AlertLedgerEntry entry)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (!_boards.TryGetValue(board, out var kinds))
                _boards[board] = kinds = new Dictionary<string, AlertLedgerEntry>(StringComparer.Ordinal);
            kinds[kind] = entry;
            _version++;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    /// <summary>Waits for a change (or <paramref name="stopping"/>), then writes the file if it changed since the last write.</summary>
    public async Task WaitForChangeAsync(CancellationToken stopping)
    {
        Task changed;
        lock (_gate)
        {
            if (_version != _written)
                return;
            changed = _changed.Task;
        }
        await changed.WaitAsync(stopping).ConfigureAwait(false);
    }

    /// <summary>Writes the file when something changed since the last write. Throws an IOException naming the file when it cannot.</summary>
    public void WriteIfChanged()
    {
        byte[] bytes;
        long version;
        lock (_gate)
        {
            if (_version == _written)
                return;
            version = _version;
            var copy = _boards.ToDictionary(b => b.Key, b => new Dictionary<string, AlertLedgerEntry>(b.Value, StringComparer.Ordinal), StringComparer.Ordinal);
            bytes = JsonSerializer.SerializeToUtf8Bytes(new AlertLedgerFile(FileVersion, copy), AlertJson.Default.AlertLedgerFile);
        }
        string? folder = System.IO.Path.GetDirectoryName(Path);
        if (folder is not null)
            Directory.CreateDirectory(folder);
        AtomicFile.Write(Path, bytes);
        lock (_gate)
            _written = Math.Max(_written, version);
    }

    // A missing file is a first start. A file that cannot be read is reported and replaced at the
    // first change: the bridge starts from nothing (it may send a state it had sent before) rather
    // than not at all.
    private static Dictionary<string, Dictionary<string, AlertLedgerEntry>> Load(string path, ILogger logger)
    {
        var empty = new Dictionary<string, Dictionary<string, AlertLedgerEntry>>(StringComparer.Ordinal);
        if (!File.Exists(path))
            return empty;
        try
        {
            var file = JsonSerializer.Deserialize(InputFile.ReadAllBytes(path, 16 * 1024 * 1024, "an alert state file"), AlertJson.Default.AlertLedgerFile);
            if (file is not { Version: FileVersion, Boards: not null })
                throw new InvalidDataException($"not an alert state file of version {FileVersion}");
            foreach (var (board, kinds) in file.Boards)
            {
                if (kinds is null || kinds.Values.Any(e => e is null || e.State is null || e.Sequence < 0))
                    throw new InvalidDataException($"the entry of board '{board}' is incomplete");
                empty[board] = new Dictionary<string, AlertLedgerEntry>(kinds, StringComparer.Ordinal);
            }
            return empty;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or InputFileException or IOException or UnauthorizedAccessException)
        {
            AlertLog.StateFileUnreadable(logger, path, e.Message);
            return new Dictionary<string, Dictionary<string, AlertLedgerEntry>>(StringComparer.Ordinal);
        }
    }
}
