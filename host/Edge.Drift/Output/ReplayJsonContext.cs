using System.Text.Json.Serialization;
using Edge.Drift.Replay;

namespace Edge.Drift.Output;

/// <summary>
/// The replay JSON's records, serialised by generated code instead of reflection: no converter is
/// built at run time (a replay's start-up cost) and the output works in a native-AOT `edge`.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(WindowRecord))]
[JsonSerializable(typeof(ReplaySummary))]
[JsonSerializable(typeof(IReadOnlyList<CapturedRow>))]
internal sealed partial class ReplayJsonContext : JsonSerializerContext
{
}
