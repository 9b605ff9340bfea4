using Edge.Board.Client;
using Edge.Data;
using Edge.Device.Drift;
using Edge.Device.Model;

namespace Edge.Board.Streaming;

/// <summary>
/// Streams a table to a board row by row, in time order: sets the row layout, keeps the link's
/// window full of rows, and whenever the board closes a drift window fetches that window's
/// report before any later row is taken (the board takes rows only up to a window's end, and
/// refuses rows sent before the host saw the window close), so no window is skipped.
/// </summary>
public static class BoardStreamer
{
    public static async Task<StreamResult> StreamAsync(BoardClient client, RowLayout layout, float[][] rows,
        IProgress<(int Rows, WindowReport? Window)>? progress = null, CancellationToken cancellationToken = default)
    {
        await ConfigureAsync(client, layout, cancellationToken).ConfigureAwait(false);
        var reports = new List<WindowReport>();
        var rowsDone = new RowsProgress(progress);
        await client.StreamRowsAsync(rows, async _ =>
        {
            var report = await client.WindowAsync(cancellationToken).ConfigureAwait(false);
            reports.Add(report);
            progress?.Report((rowsDone.Rows, report));
        }, rowsDone, cancellationToken).ConfigureAwait(false);
        var status = await client.StatusAsync(cancellationToken).ConfigureAwait(false);
        return new StreamResult(rows.Length, status.Samples, reports, status);
    }

    /// <summary>Tells the board the layout.</summary>
    public static Task ConfigureAsync(BoardClient client, RowLayout layout, CancellationToken cancellationToken = default) =>
        client.ConfigureRowsAsync(layout.Width, layout.ModelInputStart, layout.DriftSources, layout.AnomalyRule, layout.AnomalyThreshold, cancellationToken);

    /// <summary>The layout and rows for what the board runs, from the files the host uploaded.</summary>
    public static (RowLayout Layout, float[][] Rows) Prepare(EdgeModel? model, DriftProfile? profile, Table table, byte? anomalyRule = null, float? anomalyThreshold = null)
    {
        var layout = RowLayoutBuilder.Build(model, profile, table, anomalyRule, anomalyThreshold);
        return (layout, RowLayoutBuilder.Rows(layout, table, profile));
    }

    private sealed class RowsProgress(IProgress<(int Rows, WindowReport? Window)>? inner) : IProgress<int>
    {
        public int Rows { get; private set; }

        public void Report(int value)
        {
            Rows = value;
            inner?.Report((value, null));
        }
    }
}
