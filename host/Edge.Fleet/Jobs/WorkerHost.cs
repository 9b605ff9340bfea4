using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Edge.Fleet.Jobs;

/// <summary>
/// `edge hil worker`: a Hangfire server on this bench host's queue only, one cell at a time (a bench measures
/// one board at a time), sending heartbeats; the worker's spool uploader in the background (entries left by
/// an earlier life of the worker go first); optionally Hangfire's own dashboard on a local address. On stop
/// the server stops taking cells, then the spool is drained for at most <c>storeWait</c>; what is left is
/// sent when the worker starts again.
/// </summary>
public static class WorkerHost
{
    public static readonly TimeSpan DefaultStoreWait = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(CellWorker worker, PostgreSqlStorage storage, string? dashboard, ILogger logger, CancellationToken cancellationToken, TimeSpan? storeWait = null)
    {
        CellWorker.Current = worker;
        string queue = BenchQueue.For(worker.Rig.Name);
        var options = new BackgroundJobServerOptions
        {
            Queues = [queue],
            WorkerCount = 1,
            ServerName = worker.Name,
            HeartbeatInterval = TimeSpan.FromSeconds(5),
            ServerCheckInterval = TimeSpan.FromSeconds(15),
            ServerTimeout = TimeSpan.FromSeconds(30),
            SchedulePollingInterval = TimeSpan.FromSeconds(1),
        };
        var server = new BackgroundJobServer(options, storage);
        var uploads = worker.Uploader.StartInBackground();
        logger.LogWarning("Worker {Name} serves bench host {Host} (queue {Queue}); results go through {Spool}", worker.Name, worker.Rig.Name, queue, worker.Uploader.Spool.Folder);
        WebApplication? web = null;
        try
        {
            if (dashboard is not null)
            {
                web = Dashboard(storage, dashboard);
                await web.StartAsync(cancellationToken).ConfigureAwait(false);
                logger.LogWarning("Hangfire dashboard on http://{Address}/hangfire", dashboard);
            }
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM: the server stops taking jobs; a cell in progress is cancelled and fetched again by the next worker.
        }
        finally
        {
            if (web is not null) await web.DisposeAsync().ConfigureAwait(false);
            server.SendStop();
            // Waits for the cell in progress to stop, so nothing is spooled after the drain below.
            server.Dispose();
            CellWorker.Current = null;
            await uploads.DisposeAsync().ConfigureAwait(false);
        }
        var wait = storeWait ?? DefaultStoreWait;
        if (worker.Uploader.Spool.Pending().Count is > 0 and var pending)
            logger.LogWarning("Worker {Name} takes no more cells; sending {Count} spooled upload(s) for at most {Wait} s", worker.Name, pending, wait.TotalSeconds);
        if (!await worker.Uploader.DrainAsync(wait, CancellationToken.None).ConfigureAwait(false))
            logger.LogWarning("{Count} upload(s) wait in {Spool}: the store was not reached; they are sent when this worker starts again",
                worker.Uploader.Spool.Pending().Count, worker.Uploader.Spool.Folder);
    }

    /// <summary>Hangfire's dashboard (jobs, retries with their reasons, servers with heartbeats) at /hangfire, read-only, on <paramref name="address"/> (host:port).</summary>
    public static WebApplication Dashboard(JobStorage storage, string address)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://" + address);
        builder.Services.AddHangfire(_ => { });
        var app = builder.Build();
        // Hangfire's default authorization serves only requests from the local machine; bind to loopback or put a proxy in front.
        app.UseHangfireDashboard("/hangfire", new DashboardOptions { IsReadOnlyFunc = _ => true }, storage);
        return app;
    }
}
