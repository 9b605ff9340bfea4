using Hangfire;
using Hangfire.Storage;

namespace Edge.Fleet.Jobs;

/// <summary>
/// Cells a worker measured and holds in its spool, in the engine's own storage (a Hangfire set per run,
/// `edge:spooled:RUN`), so `edge hil status` can tell "measured, waiting in a worker's spool for the store"
/// from "waiting to be measured" without reaching into any worker's disk. Written once the cell is spooled,
/// before its job succeeds; never removed: a cell whose record is in the store counts as finished whatever
/// the set says. The set expires <see cref="Kept"/> after its last addition.
/// </summary>
public static class SpooledCells
{
    public static readonly TimeSpan Kept = TimeSpan.FromDays(30);

    public static void Add(JobStorage storage, string run, string cell)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.AddToSet(Key(run), cell);
        if (transaction is JobStorageTransaction expiring) expiring.ExpireSet(Key(run), Kept);
        transaction.Commit();
    }

    public static IReadOnlySet<string> Of(JobStorage storage, string run)
    {
        using var connection = storage.GetConnection();
        return connection.GetAllItemsFromSet(Key(run));
    }

    private static string Key(string run) => "edge:spooled:" + run;
}
