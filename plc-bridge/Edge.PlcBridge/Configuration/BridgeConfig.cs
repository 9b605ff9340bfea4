using Edge.PlcBridge.Alerts.Configuration;

namespace Edge.PlcBridge.Configuration;

/// <summary>A bridge configuration, as loaded and checked by <see cref="BridgeConfigLoader"/>.</summary>
public sealed record BridgeConfig
{
    /// <summary>Default length of the per-feature arrays.</summary>
    public const int DefaultFeatureSlots = 64;

    /// <summary>Most features a board STRUCT may hold.</summary>
    public const int MaxFeatureSlots = 1024;

    /// <summary>Where it came from (a file path), for messages.</summary>
    public string Source { get; init; } = "(code)";

    /// <summary>
    /// Length of <c>FeatureDrift</c> and <c>FeatureDrifted</c> in every board's STRUCT. Fixed per
    /// configuration, so the DUT the PLC compiles does not depend on what a board reports.
    /// </summary>
    public int FeatureSlots { get; init; } = DefaultFeatureSlots;

    public required IReadOnlyList<BoardEndpointConfig> Boards { get; init; }

    /// <summary>Default capture folder, relative to the configuration file.</summary>
    public const string DefaultCaptureFolder = "captures";

    public AdsEndpointConfig Ads { get; init; } = new();

    public PrometheusConfig Prometheus { get; init; } = new();

    /// <summary>Alerts to people (webhooks, MQTT); off without routes.</summary>
    public AlertsConfig Alerts { get; init; } = new();
}
