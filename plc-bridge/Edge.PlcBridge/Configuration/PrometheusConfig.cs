namespace Edge.PlcBridge.Configuration;

/// <summary>The <c>/metrics</c> endpoint for fleet dashboards.</summary>
public sealed record PrometheusConfig
{
    public static Uri DefaultUrl { get; } = new("http://127.0.0.1:9464/metrics");

    public bool Enabled { get; init; }

    /// <summary>http://ADDRESS:PORT/PATH; the address is where Kestrel listens (0.0.0.0 for every interface), port 0 picks a free one.</summary>
    public Uri Url { get; init; } = DefaultUrl;
}
