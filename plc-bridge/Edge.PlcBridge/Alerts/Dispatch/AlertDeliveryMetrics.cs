using Prometheus;

namespace Edge.PlcBridge.Alerts.Dispatch;

/// <summary>The alert routes' counters, as Prometheus series in the bridge's registry (so /metrics shows them).</summary>
public sealed class AlertDeliveryMetrics
{
    private readonly Counter _events, _deliveries, _failedAttempts;
    private readonly Gauge _queued;

    public AlertDeliveryMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _events = factory.CreateCounter("edge_alert_events_total", "Alert events detected, by kind and transition.", ["kind", "transition"]);
        _deliveries = factory.CreateCounter("edge_alert_deliveries_total",
            "Alert events per route by result: delivered, dead_lettered (all attempts failed; in the dead-letter folder), dropped (the route's queue was full).", ["route", "result"]);
        _failedAttempts = factory.CreateCounter("edge_alert_failed_attempts_total", "Delivery attempts that failed (each retry counts).", ["route"]);
        _queued = factory.CreateGauge("edge_alert_queued", "Alert events waiting for a route or being delivered.", ["route"]);
    }

    public void Detected(string kind, string transition) => _events.WithLabels(kind, transition).Inc();

    public void Delivered(string route) => _deliveries.WithLabels(route, "delivered").Inc();

    public void DeadLettered(string route) => _deliveries.WithLabels(route, "dead_lettered").Inc();

    public void Dropped(string route) => _deliveries.WithLabels(route, "dropped").Inc();

    public void AttemptFailed(string route) => _failedAttempts.WithLabels(route).Inc();

    public void Queued(string route, long pending) => _queued.WithLabels(route).Set(pending);
}
