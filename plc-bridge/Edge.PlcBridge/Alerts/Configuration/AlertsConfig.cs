namespace Edge.PlcBridge.Alerts.Configuration;

/// <summary>
/// The configuration's `alerts:` section: where alert events go (webhooks, MQTT brokers), how much
/// may wait for each route, where delivery state and undeliverable events are kept.
/// </summary>
public sealed record AlertsConfig
{
    public const int DefaultQueueCapacity = 1000;
    public const string DefaultStateFile = "alerts-state.json";
    public const string DefaultDeadLetterFolder = "dead-letters";

    /// <summary>Off when the section is absent or lists no route.</summary>
    public bool Enabled => Routes.Count > 0;

    public IReadOnlyList<AlertRouteConfig> Routes { get; init; } = [];

    /// <summary>Events that may wait per route; one more arriving while it is full is dropped and counted.</summary>
    public int QueueCapacity { get; init; } = DefaultQueueCapacity;

    /// <summary>Full path of the file holding each board's last alert states and event sequences (so a restart does not resend).</summary>
    public string StateFile { get; init; } = Path.GetFullPath(DefaultStateFile);

    /// <summary>Full path of the folder receiving events a route could not deliver (one JSON file each).</summary>
    public string DeadLetterFolder { get; init; } = Path.GetFullPath(DefaultDeadLetterFolder);
}

/// <summary>Attempts per event: the first, then <see cref="Retries"/> more, waiting <see cref="Backoff"/> doubling per retry up to <see cref="MaxBackoff"/>.</summary>
public sealed record AlertRetryPolicy(int Retries, TimeSpan Backoff, TimeSpan MaxBackoff, TimeSpan Timeout)
{
    public static AlertRetryPolicy Default { get; } = new(3, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10));

    /// <summary>The wait before retry <paramref name="retry"/> (1 for the first retry).</summary>
    public TimeSpan BackoffBefore(int retry) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, Backoff.Ticks * (1L << Math.Min(retry - 1, 30))));
}

/// <summary>One route of <c>alerts.routes</c>.</summary>
public abstract record AlertRouteConfig(string Name, AlertRetryPolicy Retry);

/// <summary>An HTTP(S) endpoint that gets each event as a JSON POST.</summary>
/// <param name="Headers">Sent with every request (an Authorization header, say).</param>
/// <param name="Secret">When set, the body's HMAC-SHA256 goes in <c>X-Edge-Signature: sha256=HEX</c>.</param>
public sealed record WebhookRouteConfig(string Name, AlertRetryPolicy Retry, Uri Url, IReadOnlyDictionary<string, string> Headers, string? Secret)
    : AlertRouteConfig(Name, Retry);

/// <summary>An MQTT broker that gets each event as a QoS 1 message on <c>TOPIC-PREFIX/BOARD/KIND</c>.</summary>
public sealed record MqttRouteConfig(string Name, AlertRetryPolicy Retry, string Host, int Port, string TopicPrefix, string ClientId,
    string? Username, string? Password, bool Tls) : AlertRouteConfig(Name, Retry)
{
    public const int DefaultPort = 1883;
    public const int DefaultTlsPort = 8883;
    public const string DefaultTopicPrefix = "edge/alerts";

    public string Topic(string board, string kind) => $"{TopicPrefix}/{board}/{kind}";
}
