using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.PlcBridge.Alerts.Events;

/// <summary>The one JSON writer and reader of alert events (source-generated; camelCase; unknown values left out).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AlertEvent))]
[JsonSerializable(typeof(DeadLetter))]
[JsonSerializable(typeof(AlertLedgerFile))]
internal sealed partial class AlertJson : JsonSerializerContext
{
    public static byte[] Serialize(AlertEvent alert) => JsonSerializer.SerializeToUtf8Bytes(alert, Default.AlertEvent);

    public static AlertEvent? Deserialize(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize(json, Default.AlertEvent);
}

/// <summary>A dead letter: the event a route could not deliver, with why.</summary>
/// <param name="Attempts">Attempts made (0: the bridge stopped before the first).</param>
public sealed record DeadLetter(string Route, int Attempts, string LastError, DateTime FailedAt, AlertEvent Event);

/// <summary>The alert state file: per board and kind, the last state seen and the last sequence sent.</summary>
internal sealed record AlertLedgerFile(int Version, Dictionary<string, Dictionary<string, AlertLedgerEntry>> Boards);

/// <param name="State">The state last seen (raised/cleared, offline/online, frozen/not-frozen).</param>
internal sealed record AlertLedgerEntry(string State, long Sequence);
