using Edge.PlcBridge.Alerts.Configuration;
using Edge.PlcBridge.Alerts.Detection;
using Edge.PlcBridge.Alerts.Events;
using Edge.PlcBridge.Alerts.Routes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.PlcBridge.Alerts.Dispatch;

/// <summary>
/// The background side of alerts: one <see cref="AlertRouteQueue"/> per route, each with its own
/// delivery loop, and the writer of the alert state file. <see cref="Enqueue"/> is what the board
/// watchers call: it only offers the event to each route's bounded queue, so neither the board
/// polling nor the ADS service ever waits for a receiver. Hosted before the bridge service, so it
/// stops after it: events still queued then become dead letters, and the state file is written.
/// </summary>
public sealed class AlertDispatcher : BackgroundService
{
    private readonly IReadOnlyList<IAlertRoute> _routes;
    private readonly IReadOnlyList<AlertRouteQueue> _queues;
    private readonly AlertLedger _ledger;
    private readonly AlertDeliveryMetrics _metrics;
    private readonly ILogger _logger;

    internal AlertDispatcher(AlertsConfig config, IReadOnlyList<IAlertRoute> routes, AlertLedger ledger, AlertDeliveryMetrics metrics, TimeProvider time, ILogger logger)
    {
        _routes = routes;
        _ledger = ledger;
        _metrics = metrics;
        _logger = logger;
        var deadLetters = new DeadLetterFolder(config.DeadLetterFolder);
        _queues = routes.Select(route => new AlertRouteQueue(route, config.Routes.Single(r => r.Name == route.Name).Retry, config.QueueCapacity,
            deadLetters, metrics, time, logger)).ToArray();
    }

    /// <summary>Per route, what it did since the bridge started.</summary>
    public IReadOnlyList<AlertRouteStatistics> Statistics => _queues.Select(q => q.Statistics).ToArray();

    /// <summary>Offers the event to every route; never blocks (a full queue drops it, counted per route).</summary>
    public void Enqueue(AlertEvent alert)
    {
        _metrics.Detected(alert.Kind, alert.Transition);
        AlertLog.Detected(_logger, alert.Id, alert.Message);
        foreach (var queue in _queues)
            queue.Enqueue(alert);
    }

    /// <summary>Completes when every route has delivered or dead-lettered what it was given (a hook for tests and shutdown).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default) =>
        Task.WhenAll(_queues.Select(q => q.WhenIdleAsync(cancellationToken)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await Task.WhenAll(_queues.Select(q => q.RunAsync(stoppingToken)).Append(WriteStateAsync(stoppingToken))).ConfigureAwait(false);
    }

    // The state file follows the ledger; a write that fails is retried at the next change (and at stop).
    private async Task WriteStateAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await _ledger.WaitForChangeAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            if (WriteState())
                continue;
            try
            {
                // A disk that refuses the file is not asked again in a tight loop.
                await Task.Delay(TimeSpan.FromSeconds(5), stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private bool WriteState()
    {
        try
        {
            _ledger.WriteIfChanged();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AlertLog.StateFileUnwritable(_logger, _ledger.Path, e.Message);
            return false;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        WriteState();
        foreach (var route in _routes)
        {
            try
            {
                await route.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                AlertLog.RouteDisposeFailed(_logger, route.Name, e.Message);
            }
        }
    }
}
