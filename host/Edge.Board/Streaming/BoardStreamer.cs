using Edge.Board.Client;
using Edge.Data;
using Edge.Device.Drift;
using Edge.Device.Model;

namespace Edge.Board.Streaming;

/// <summary>
/// Streams a table to a board row by row, in time order: sets the row layout, sends frames of
/// rows, and whenever the board closes a drift window fetches that window's report (the board
/// takes rows only up to a window's end, so no window is skipped).
/// </summary>
public static class BoardStreamer
{
    public static async Task<StreamResult> StreamAsync(BoardClient client, RowLayout layout, float[][] rows,
        IProgress<(int Rows, WindowReport? Window)>? progress = null, CancellationToken cancellationToken = default)
    {
        await client.ConfigureRowsAsync(layout, cancellationToken).ConfigureAwait(false);
        var before = await client.StatusAsync(cancellationToken).ConfigureAwait(false);
        long windows = before.WindowsCompleted;
        long samples = before.Samples;
        var reports = new List<WindowReport>();
        int sent = 0;
        while (sent < rows.Length)
        {
            var (taken, boardSamples, boardWindows) = await client.SendRowsAsync(rows, sent, cancellationToken).ConfigureAwait(false);
            sent += taken;
            samples = boardSamples;
            WindowReport? report = null;
            if (boardWindows > windows)
            {
                windows = boardWindows;
                report = await client.WindowAsync(cancellationToken).ConfigureAwait(false);
                reports.Add(report);
            }
            progress?.Report((sent, report));
        }
        var status = await client.StatusAsync(cancellationToken).ConfigureAwait(false);
        return new StreamResult(sent, samples, reports, status);
    }

    /// <summary>The layout and rows for what the board runs, from the files the host uploaded.</summary>
    public static (RowLayout Layout, float[][] Rows) Prepare(EdgeModel? model, DriftProfile? profile, Table table, byte? anomalyRule = null, float? anomalyThreshold = null)
    {
        var layout = RowLayoutBuilder.Build(model, profile, table, anomalyRule, anomalyThreshold);
        return (layout, RowLayoutBuilder.Rows(layout, table, profile));
    }
}
