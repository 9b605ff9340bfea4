using Edge.PlcBridge.Alerts.Configuration;
using Edge.PlcBridge.Alerts.Detection;
using Edge.PlcBridge.Alerts.Dispatch;
using Edge.PlcBridge.Alerts.Routes;
using Edge.PlcBridge.Configuration;
using Edge.PlcBridge.Metrics;
using Edge.PlcBridge.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.PlcBridge.Alerts;

/// <summary>Registers alerts (when the configuration has routes): the dispatcher as a hosted service and the detector the bridge service feeds.</summary>
public static class AlertsServiceCollectionExtensions
{
    /// <summary>Call before the bridge service is added, so the dispatcher starts before it and stops after it.</summary>
    public static IServiceCollection AddPlcBridgeAlerts(this IServiceCollection services, BridgeConfig config, Func<AlertRouteConfig, IAlertRoute>? routes = null)
    {
        if (!config.Alerts.Enabled)
            return services;
        routes ??= Create;
        var alerts = config.Alerts;
        static ILogger Logger(IServiceProvider sp) => sp.GetService<ILoggerFactory>()?.CreateLogger("Edge.PlcBridge.Alerts") ?? NullLogger.Instance;
        services.AddSingleton(sp => new AlertLedger(alerts.StateFile, Logger(sp)));
        services.AddSingleton(sp =>
        {
            var logger = Logger(sp);
            AlertLog.Started(logger, alerts.Routes.Count, string.Join(", ", alerts.Routes.Select(r => r.Name)), alerts.StateFile, alerts.DeadLetterFolder);
            return new AlertDispatcher(alerts, alerts.Routes.Select(routes).ToArray(), sp.GetRequiredService<AlertLedger>(),
                new AlertDeliveryMetrics(sp.GetRequiredService<BridgeMetrics>().Registry), sp.GetRequiredService<BridgeServiceOptions>().TimeProvider, logger);
        });
        services.AddSingleton(sp => new AlertDetector(config, sp.GetRequiredService<AlertLedger>(), sp.GetRequiredService<AlertDispatcher>(),
            sp.GetRequiredService<BridgeServiceOptions>().TimeProvider, Logger(sp)));
        services.AddHostedService(sp => sp.GetRequiredService<AlertDispatcher>());
        return services;
    }

    /// <summary>The route a configuration entry describes.</summary>
    public static IAlertRoute Create(AlertRouteConfig route) => route switch
    {
        WebhookRouteConfig webhook => new WebhookRoute(webhook),
        MqttRouteConfig mqtt => new MqttRoute(mqtt),
        _ => throw new ArgumentException($"unknown route type {route.GetType().Name}", nameof(route)),
    };
}
