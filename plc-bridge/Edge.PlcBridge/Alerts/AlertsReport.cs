using System.Globalization;
using Edge.PlcBridge.Alerts.Configuration;

namespace Edge.PlcBridge.Alerts;

/// <summary>What `edge bridge check-config` prints about alerts: each route and where state and dead letters go (secrets and passwords are not printed).</summary>
public static class AlertsReport
{
    public static void Write(TextWriter w, AlertsConfig alerts)
    {
        if (!alerts.Enabled)
        {
            w.WriteLine("Alerts: off");
            return;
        }
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Alerts: {alerts.Routes.Count} route(s), queue {alerts.QueueCapacity} per route, state {alerts.StateFile}, dead letters {alerts.DeadLetterFolder}"));
        foreach (var route in alerts.Routes)
        {
            string target = route switch
            {
                WebhookRouteConfig webhook => $"webhook {webhook.Url.GetLeftPart(UriPartial.Path)}{(webhook.Secret is null ? "" : ", signed")}",
                MqttRouteConfig mqtt => $"{(mqtt.Tls ? "mqtts" : "mqtt")}://{mqtt.Host}:{mqtt.Port.ToString(CultureInfo.InvariantCulture)} {mqtt.TopicPrefix}/<board>/<kind>{(mqtt.Username is null ? "" : ", user " + mqtt.Username)}",
                _ => route.GetType().Name,
            };
            var r = route.Retry;
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {route.Name}: {target}; timeout {Edge.Common.Text.Duration.Format(r.Timeout)}, {r.Retries} retries from {Edge.Common.Text.Duration.Format(r.Backoff)} up to {Edge.Common.Text.Duration.Format(r.MaxBackoff)}"));
        }
    }
}
