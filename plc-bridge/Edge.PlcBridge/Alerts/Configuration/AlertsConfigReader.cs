using Edge.PlcBridge.Configuration.Yaml;
using YamlDotNet.RepresentationModel;

namespace Edge.PlcBridge.Alerts.Configuration;

/// <summary>
/// Reads `alerts:` (plc-bridge/deploy/bridge.example.yaml shows every key). Like the rest of the
/// configuration, every mistake is a <see cref="BridgeConfigException"/> naming file, line, column and key.
/// </summary>
internal static class AlertsConfigReader
{
    public const string SectionName = "alerts";

    private static readonly string[] Common = ["name", "type", "timeout", "retries", "backoff", "max-backoff"];

    /// <param name="baseDirectory">Relative paths (state file, dead letters) are relative to the configuration file.</param>
    public static AlertsConfig Read(YamlSection? alerts, string baseDirectory)
    {
        if (alerts is null)
            return new AlertsConfig();
        alerts.AllowOnly("queue", "state-file", "dead-letters", "routes");
        var routes = new List<AlertRouteConfig>();
        foreach (var route in alerts.Sections("routes"))
        {
            var config = ReadRoute(route);
            if (routes.Any(r => string.Equals(r.Name, config.Name, StringComparison.OrdinalIgnoreCase)))
                throw route.Error(route.Find("name")!, route.KeyPath("name"), $"'{config.Name}' is the name of another route; each needs its own (it names dead letters and metrics)");
            routes.Add(config);
        }
        return new AlertsConfig
        {
            Routes = routes,
            QueueCapacity = alerts.Int("queue", AlertsConfig.DefaultQueueCapacity, 1, 1_000_000),
            StateFile = FilePath(alerts, "state-file", AlertsConfig.DefaultStateFile, baseDirectory, folder: false),
            DeadLetterFolder = FilePath(alerts, "dead-letters", AlertsConfig.DefaultDeadLetterFolder, baseDirectory, folder: true),
        };
    }

    private static AlertRouteConfig ReadRoute(YamlSection route)
    {
        string name = route.RequiredText("name").Trim();
        if (name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw route.Error(route.Find("name")!, route.KeyPath("name"), $"'{name}' must be 1-64 letters, digits, '-' or '_' (it names dead-letter files and a metrics label)");
        var defaults = AlertRetryPolicy.Default;
        var retry = new AlertRetryPolicy(
            route.Int("retries", defaults.Retries, 0, 100),
            route.Duration("backoff", defaults.Backoff, TimeSpan.FromMilliseconds(1)),
            route.Duration("max-backoff", defaults.MaxBackoff, TimeSpan.FromMilliseconds(1)),
            route.Duration("timeout", defaults.Timeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10)));
        string type = route.RequiredText("type").Trim();
        switch (type)
        {
            case "webhook":
                route.AllowOnly([.. Common, "url", "headers", "secret"]);
                return new WebhookRouteConfig(name, retry, route.Value("url", new Uri("http://127.0.0.1/"), TryHttpUrl, "an http:// or https:// address"),
                    ReadHeaders(route), route.Text("secret"));
            case "mqtt":
                route.AllowOnly([.. Common, "host", "port", "tls", "topic-prefix", "client-id", "username", "password"]);
                bool tls = route.Bool("tls", false);
                string prefix = route.Text("topic-prefix")?.Trim().TrimEnd('/') ?? MqttRouteConfig.DefaultTopicPrefix;
                if (prefix.Length == 0 || prefix.IndexOfAny(['+', '#', '\0']) >= 0 || prefix.StartsWith('/'))
                    throw route.Error(route.Find("topic-prefix")!, route.KeyPath("topic-prefix"), $"'{prefix}' is not a topic prefix (no wildcards '+' '#', no leading '/'), e.g. plant1/edge/alerts");
                string? username = route.Text("username");
                string? password = route.Text("password");
                if (password is not null && username is null)
                    throw route.Error(route.Find("password")!, route.KeyPath("password"), "needs a username");
                return new MqttRouteConfig(name, retry, route.RequiredText("host").Trim(),
                    route.Int("port", tls ? MqttRouteConfig.DefaultTlsPort : MqttRouteConfig.DefaultPort, 1, ushort.MaxValue), prefix,
                    route.Text("client-id")?.Trim() ?? $"edge-bridge-{Environment.MachineName}-{name}", username, password, tls);
            default:
                throw route.Error(route.Find("type")!, route.KeyPath("type"), $"'{type}' is not a route type; use webhook or mqtt");
        }
    }

    private static Dictionary<string, string> ReadHeaders(YamlSection route)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (route.Find("headers") is not { } node)
            return headers;
        if (node is not YamlMappingNode mapping)
            throw route.Error(node, route.KeyPath("headers"), "needs header names and values below it (a mapping)");
        using var probe = new HttpRequestMessage();
        foreach (var (key, value) in mapping.Children)
        {
            string header = (key as YamlScalarNode)?.Value ?? "";
            string text = (value as YamlScalarNode)?.Value ?? "";
            string path = route.KeyPath("headers." + header);
            // What HttpClient would refuse later (a bad name, a line break in a value) is refused now.
            if (value is not YamlScalarNode || text.Length == 0 || text.IndexOfAny(['\r', '\n']) >= 0)
                throw route.Error(value, path, "needs a single value on one line");
            if (header.Length == 0 || !probe.Headers.TryAddWithoutValidation(header, text) || header.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                throw route.Error(key, path, $"'{header}' cannot be sent as a request header");
            headers[header] = text;
        }
        return headers;
    }

    private static bool TryHttpUrl(string text, out Uri url) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out url!) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private static string FilePath(YamlSection alerts, string key, string fallback, string baseDirectory, bool folder)
    {
        string text = alerts.Text(key)?.Trim() ?? fallback;
        if (text.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            throw alerts.Error(alerts.Find(key)!, alerts.KeyPath(key), $"'{text}' is not a path");
        string path = Path.GetFullPath(Path.Combine(baseDirectory, text));
        if (folder ? File.Exists(path) : Directory.Exists(path))
            throw alerts.Error(alerts.Find(key) ?? alerts.Node, alerts.KeyPath(key), $"{path} is a {(folder ? "file; dead letters need a folder" : "folder; the alert state needs a file")}");
        return path;
    }
}
