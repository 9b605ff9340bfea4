using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Edge.Fleet.Jobs;

/// <summary>
/// `edge hil worker`: a Hangfire server on this bench host's queue only, one cell at a time (a bench measures
/// one board at a time), sending heartbeats; optionally Hangfire's own dashboard on a local address.
/// </summary>
public static class WorkerHost
{
    public static async Task RunAsync(CellWorker worker, PostgreSqlStorage storage, string? dashboard, ILogger logger, CancellationToken cancellationToken)
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
        using var server = new BackgroundJobServer(options, storage);
        logger.LogWarning("Worker {Name} serves bench host {Host} (queue {Queue})", worker.Name, worker.Rig.Name, queue);
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
            // Ctrl+C: the server stops taking jobs; a cell in progress is cancelled and fetched again by the next worker.
        }
        finally
        {
            if (web is not null) await web.DisposeAsync().ConfigureAwait(false);
            server.SendStop();
            CellWorker.Current = null;
        }
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
