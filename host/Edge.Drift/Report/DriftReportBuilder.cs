using Edge.Data;
using Edge.Device.Drift;
using Edge.Drift.Replay;

namespace Edge.Drift.Report;

/// <summary>
/// Builds the report's model from a source: a replay of data files through the board's drift code
/// (histograms of any window from the rows), or windows a board reported with the rows it captured
/// (histograms of the capture).
/// </summary>
public static class DriftReportBuilder
{
    /// <summary>
    /// Replays <paramref name="tables"/>, one after the other as one stream, and shows
    /// <paramref name="focusWindow"/> in detail (default: <see cref="DefaultFocus"/>).
    /// </summary>
    public static DriftReportModel FromReplay(DriftProfile profile, string profileSource, IReadOnlyList<Table> tables, ReplayOptions options, int? focusWindow = null)
    {
        var data = Table.Concatenate(tables);
        var result = ReplayRunner.Run(profile, profileSource, data, options);
        if (result.Windows.Count == 0)
            throw new DataFileException(data.Source, $"has {data.RowCount} row(s), fewer than one window of {result.WindowSize}: nothing to report");
        var rows = RowEncoder.Encode(profile, data, options.Precision);
        var (focus, reason) = Focus(result.Windows, focusWindow);
        var record = result.Windows[focus - 1];
        var windowRows = rows.Skip((int)(record.FirstRow - 1)).Take((int)(record.LastRow - record.FirstRow + 1)).ToList();
        var features = profile.Columns.Select((column, c) => Feature(record.Columns[c],
            WindowHistograms.Of(column, c, windowRows), WindowHistograms.Quality(column, c, windowRows, missing: record.Columns[c].Missing))).ToList();
        var segments = new List<DataSegment>();
        long first = 1;
        foreach (var table in tables)
        {
            segments.Add(new DataSegment(Path.GetFileName(table.Source), first, table.RowCount));
            first += table.RowCount;
        }
        var notes = new List<string> { $"Anomalous rows from {result.AnomalySource}." };
        if (result.Summary.RowsInPartialWindow > 0)
            notes.Add($"{result.Summary.RowsInPartialWindow} row(s) at the end fill no whole window and are not evaluated.");
        return new DriftReportModel(
            Title: $"Drift of {string.Join(" + ", segments.Select(s => s.Name))}",
            Source: $"replay of {string.Join(", then ", segments.Select(s => $"{s.Name} ({s.Rows:N0} rows)"))} through the board's drift code",
            ProfileSource: profileSource,
            ReferenceRows: profile.ReferenceRows,
            WindowSize: result.WindowSize,
            Policy: Policy(profile),
            Windows: result.Windows.Select(Point).ToList(),
            Segments: segments,
            FocusWindow: focus,
            FocusReason: reason,
            CurrentDescription: $"window {focus}, rows {record.FirstRow:N0}-{record.LastRow:N0}",
            Features: features,
            Notes: notes);
    }

    /// <summary>
    /// Windows a board reported (<c>edge board stream --windows-out</c>) and, if given, the rows it
    /// captured (<c>edge board capture</c>): the capture is the "current" side of the histograms.
    /// </summary>
    public static DriftReportModel FromBoard(DriftProfile profile, string profileSource, BoardWindows board, IReadOnlyList<int[]>? captured, string? captureSource, int? focusWindow = null)
    {
        if (board.Windows.Count == 0)
            throw new DataFileException(board.Source, "holds no window report: stream at least one window's rows to the board");
        var (focus, reason) = Focus(board.Windows, focusWindow);
        var record = board.Windows[focus - 1];
        var features = profile.Columns.Select((column, c) => Feature(record.Columns[c],
            captured is null ? null : WindowHistograms.Of(column, c, captured),
            captured is null ? new DataQuality(record.Samples, record.Columns[c].Missing, null, null, null) : WindowHistograms.Quality(column, c, captured, missing: record.Columns[c].Missing))).ToList();
        var notes = new List<string> { "Window reports as the board sent them: the board does not report KS's critical value and upper bound, Wasserstein's error bound or the capture state per window." };
        notes.Add(captured is null
            ? "No capture was given (edge board capture -o FILE): without rows there are no histograms."
            : $"The current histograms and data quality are the {captured.Count:N0} row(s) the board captured ({captureSource}), from its first drifting window until drift was confirmed; the metrics are window {focus}'s.");
        return new DriftReportModel(
            Title: $"Drift on board {board.Board}",
            Source: $"window reports of board {board.Board} streamed {board.Data}",
            ProfileSource: profileSource,
            ReferenceRows: profile.ReferenceRows,
            WindowSize: board.WindowSize,
            Policy: Policy(profile),
            Windows: board.Windows.Select(Point).ToList(),
            Segments: [new DataSegment(board.Data, 1, board.Windows[^1].LastRow)],
            FocusWindow: focus,
            FocusReason: reason,
            CurrentDescription: captured is null ? $"window {focus} (no rows)" : $"the {captured.Count:N0} captured row(s)",
            Features: features,
            Notes: notes);
    }

    /// <summary>The window shown in detail: the one asked for, else the first confirmed, else the one with the largest share of drifted features, else the last.</summary>
    public static (int Window, string Reason) Focus(IReadOnlyList<WindowRecord> windows, int? wanted)
    {
        if (wanted is { } w)
        {
            if (w < 1 || w > windows.Count)
                throw new ArgumentOutOfRangeException(nameof(wanted), $"window {w} does not exist: there are {windows.Count} (1-{windows.Count})");
            return (w, "the window asked for");
        }
        if (windows.FirstOrDefault(x => x.Verdict == WindowVerdict.Name(WindowVerdict.Confirmed)) is { } confirmed)
            return (confirmed.Index, "the first window where drift was confirmed");
        var most = windows.OrderByDescending(x => x.DriftShare).ThenBy(x => x.Index).First();
        return most.DriftShare > 0 ? (most.Index, "no drift was confirmed; the window with the most features drifted") : (windows[^1].Index, "no feature drifted; the last window");
    }

    private static FeatureView Feature(ColumnRecord record, FeatureHistogram? histogram, DataQuality quality)
    {
        var metrics = FeatureMetrics.Of(record);
        return new FeatureView(record.Name, record.Kind, record.Test, record.Drifted, FeatureMetrics.Ratio(metrics), metrics, histogram, quality);
    }

    private static WindowPoint Point(WindowRecord w) =>
        new(w.Index, w.FirstRow, w.LastRow, w.Samples, w.Anomalies, w.DriftedFeatures, w.DriftShare, w.Drifting, w.Verdict, w.Alarm,
            string.IsNullOrEmpty(w.Capture) ? null : w.Capture);

    private static PolicyView Policy(DriftProfile profile)
    {
        var p = profile.Policy;
        return new PolicyView(Q16.ToDouble(p.DriftShareQ16), p.ConsecutiveWindows, Q16.ToDouble(p.BurstRateQ16), p.OutOfProfileMinFeatures,
            CombineMode.Name(p.CombineMode), p.CaptureRows);
    }
}
