using Edge.PlcBridge.Alerts.Dispatch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Edge.PlcBridge.Tests.Support;

/// <summary>The test bridge's configuration with an `alerts:` section, and the dispatcher of a running bridge.</summary>
internal static class AlertBridges
{
    /// <summary>
    /// <see cref="TestBridge.Yaml"/> (stale-after 1h: the scripted boards never go stale during a
    /// test) plus alerts with state and dead letters in <paramref name="folder"/> and the given
    /// route items (YAML list items, indented by four).
    /// </summary>
    public static string Yaml(string folder, string routes, int queue = 100) =>
        TestBridge.Yaml(staleAfter: "1h") + $"""

        alerts:
          queue: {queue}
          state-file: {Path.Combine(folder, "alerts-state.json")}
          dead-letters: {Path.Combine(folder, "dead-letters")}
          routes:
        {routes}
        """;

    /// <summary>A webhook route item for <see cref="Yaml"/>.</summary>
    public static string Webhook(string name, Uri url, int retries = 3, string backoff = "10ms", string timeout = "10s", string extra = "") => $"""
            - name: {name}
              type: webhook
              url: {url}
              retries: {retries}
              backoff: {backoff}
              timeout: {timeout}
        {extra}
        """;

    public static AlertDispatcher Alerts(this TestBridge bridge) => bridge.Host.Services.GetRequiredService<AlertDispatcher>();

    public static AlertRouteStatistics Route(this TestBridge bridge, string route) => bridge.Alerts().Statistics.Single(s => s.Route == route);

    /// <summary>
    /// Longer than any retry pause these tests configure (backoff 10 ms, doubling a few times),
    /// far shorter than any attempt's timeout (10 s unless a test says otherwise).
    /// </summary>
    private static readonly TimeSpan RetryStep = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Every board snapshot pushed so far has been published (so judged for alerts), and every route
    /// has delivered or given up what it got. On a bridge with a fake clock, each failed attempt a
    /// route counts is answered with one step of the clock: the route set its pause before the next
    /// attempt before it counted the failure, so the step is never lost.
    /// </summary>
    public static async Task DrainAsync(this TestBridge bridge, string board, long updates)
    {
        await Eventually.TrueAsync(() => bridge.Reading(board).Updates == updates, $"{board}: {updates} snapshot(s) published");
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var idle = bridge.Alerts().WhenIdleAsync(limit.Token);
        if (bridge.Options.TimeProvider is FakeTimeProvider time)
        {
            long FailedAttempts() => bridge.Alerts().Statistics.Sum(s => s.FailedAttempts);
            long answered = 0;
            while (!idle.IsCompleted)
            {
                await Eventually.TrueAsync(() => idle.IsCompleted || FailedAttempts() > answered, "the routes delivered or gave up, or failed an attempt", TimeSpan.FromSeconds(60));
                long failed = FailedAttempts();
                if (failed > answered)
                {
                    answered = failed;
                    time.Advance(RetryStep);
                }
            }
        }
        await idle;
    }
}
