using Edge.PlcBridge.Alerts.Dispatch;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>Every board snapshot pushed so far has been published (so judged for alerts), and every route has delivered or given up what it got.</summary>
    public static async Task DrainAsync(this TestBridge bridge, string board, long updates)
    {
        await Eventually.TrueAsync(() => bridge.Reading(board).Updates == updates, $"{board}: {updates} snapshot(s) published");
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bridge.Alerts().WhenIdleAsync(limit.Token);
    }
}
