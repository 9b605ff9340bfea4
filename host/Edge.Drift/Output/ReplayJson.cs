using System.Text.Json;
using System.Text.Json.Serialization;
using Edge.Drift.Replay;

namespace Edge.Drift.Output;

/// <summary>
/// The machine-readable replay output, documented in host/Edge.Drift/docs/replay-json.md. The
/// "format" field names the schema version; fields are only added within a version.
/// </summary>
public static class ReplayJson
{
    public const string Format = "edge-drift-replay/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static void Write(TextWriter writer, ReplayResult result)
    {
        var document = new
        {
            format = Format,
            profile = result.ProfileSource,
            data = result.DataSource,
            windowSize = result.WindowSize,
            anomalySource = result.AnomalySource,
            summary = result.Summary,
            windows = result.Windows,
            captured = result.Captured,
        };
        writer.WriteLine(JsonSerializer.Serialize(document, Options));
    }
}
