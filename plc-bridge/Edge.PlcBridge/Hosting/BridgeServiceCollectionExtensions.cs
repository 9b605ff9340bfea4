using Edge.Ads.Server;
using Edge.PlcBridge.Alerts;
using Edge.PlcBridge.Boards;
using Edge.PlcBridge.Configuration;
using Edge.PlcBridge.Metrics;
using Edge.PlcBridge.Publishing;
using Edge.PlcBridge.Service;
using Microsoft.Extensions.DependencyInjection;

namespace Edge.PlcBridge.Hosting;

/// <summary>Registers the bridge in a generic host: ADS server, bridge service and (if enabled) the metrics endpoint, started in that order.</summary>
public static class BridgeServiceCollectionExtensions
{
    public static IServiceCollection AddPlcBridge(this IServiceCollection services, BridgeConfig config, IBoardFeedFactory feeds, BridgeServiceOptions? options = null)
    {
        var symbols = BridgeSymbols.Create(config);
        services.AddSingleton(config);
        services.AddSingleton(symbols);
        services.AddSingleton(symbols.Table);
        services.AddSingleton(feeds);
        services.AddSingleton(options ?? new BridgeServiceOptions());
        services.AddSingleton(config.Ads.ToServerOptions());
        services.AddSingleton<AdsServer>();
        services.AddHostedService(sp => sp.GetRequiredService<AdsServer>());
        services.AddSingleton(sp =>
        {
            var metrics = new BridgeMetrics();
            metrics.Track(sp.GetRequiredService<AdsServer>());
            return metrics;
        });
        // Before the bridge service: the alert dispatcher starts before it and stops after it.
        services.AddPlcBridgeAlerts(config);
        services.AddSingleton<BridgeService>();
        services.AddHostedService(sp => sp.GetRequiredService<BridgeService>());
        if (config.Prometheus.Enabled)
        {
            services.AddSingleton(config.Prometheus);
            services.AddSingleton<PrometheusEndpoint>();
            services.AddHostedService(sp => sp.GetRequiredService<PrometheusEndpoint>());
        }
        return services;
    }
}
