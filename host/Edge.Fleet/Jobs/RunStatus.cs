using Edge.Fleet.Runs;
using Edge.Hil.Plan;
using Edge.Store;
using Hangfire;

namespace Edge.Fleet.Jobs;

/// <summary>
/// A bench host's share of a run: cells queued for it, done (complete), failed, measured but still in a worker's
/// spool (their result not yet in the store), and what its queue and workers say.
/// </summary>
public sealed record HostProgress(string Host, int Cells, int Complete, int Failed, long Enqueued, int Workers, DateTime? LastHeartbeat, int Spooled = 0)
{
    /// <summary>Cells not measured yet.</summary>
    public int Waiting => Cells - Complete - Failed - Spooled;
}

/// <summary>
/// `edge hil status RUN`: the run's progress per bench host, from the store (results) and Hangfire (queues,
/// servers, and the cells workers hold in their spools, <see cref="SpooledCells"/>).
/// </summary>
public static class RunStatus
{
    public static async Task<IReadOnlyList<HostProgress>> ReadAsync(ArtifactStore store, JobStorage? storage, string run, CancellationToken cancellationToken = default)
    {
        var record = await RunArchive.ReadRunAsync(store, run, cancellationToken).ConfigureAwait(false)
            ?? throw new StoreException($"{store.Location} has no run '{run}'");
        var cells = (await RunArchive.CellsAsync(store, run, cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Cell, StringComparer.Ordinal);
        var monitoring = storage?.GetMonitoringApi();
        var queues = monitoring?.Queues().ToDictionary(q => q.Name, q => q.Length, StringComparer.Ordinal) ?? [];
        var servers = monitoring?.Servers() ?? [];
        var spooled = storage is null ? new HashSet<string>() : SpooledCells.Of(storage, run);
        var placement = record.Placement.Count > 0 ? record.Placement : cells.Values.Select(c => new CellPlacement(c.Cell, c.Host)).ToList();
        return placement.GroupBy(p => p.Host, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            string queue = BenchQueue.For(g.Key);
            var serving = servers.Where(s => s.Queues.Contains(queue)).ToList();
            return new HostProgress(g.Key, g.Count(),
                g.Count(p => cells.TryGetValue(p.Cell, out var c) && CellStatus.IsComplete(c.Status)),
                g.Count(p => cells.TryGetValue(p.Cell, out var c) && !CellStatus.IsComplete(c.Status)),
                queues.GetValueOrDefault(queue), serving.Count, serving.Max(s => s.Heartbeat),
                g.Count(p => !cells.ContainsKey(p.Cell) && spooled.Contains(p.Cell)));
        }).ToList();
    }
}
