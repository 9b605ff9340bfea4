using Edge.Device.Drift;
using Edge.PlcBridge.Boards;

namespace Edge.PlcBridge.Tests.Support;

/// <summary>
/// What a PLC must read in <c>ST_EdgeBoard</c> for a snapshot, worked out here from the snapshot
/// and the documented meaning of each member (not with the bridge's code): REALs are the values
/// rounded to single precision, counters unsigned 64 bit, LastSeen a UTC FILETIME, the verdict
/// the board's own code (firmware WindowVerdict).
/// </summary>
internal static class ExpectedBoard
{
    public static Dictionary<string, object> Of(string board, BoardSnapshot? s, int slots, int size, bool online, bool stale, long updates, string lastError)
    {
        var drift = s?.FeatureDrift ?? [];
        var drifted = s?.FeatureDrifted ?? [];
        return new Dictionary<string, object>
        {
            ["Size"] = (uint)size,
            ["Layout"] = (ushort)1,
            ["FeatureCount"] = (ushort)drift.Count,
            ["Online"] = online,
            ["Stale"] = stale,
            ["DriftAlarm"] = s?.DriftAlarm ?? false,
            ["AlarmAck"] = false,
            ["Verdict"] = Verdict(s?.Verdict),
            ["Updates"] = (uint)updates,
            ["LastSeen"] = s?.LastSeen is { } seen ? (ulong)seen.UtcDateTime.ToFileTimeUtc() : 0UL,
            ["WindowsCompleted"] = (ulong)(s?.WindowsCompleted ?? 0),
            ["Samples"] = (ulong)(s?.Samples ?? 0),
            ["Inferences"] = (ulong)(s?.Inferences ?? 0),
            ["Anomalies"] = (ulong)(s?.Anomalies ?? 0),
            ["AnomalyRate"] = (float)(s?.AnomalyRate ?? 0),
            ["DriftScore"] = (float)(s?.DriftScore ?? 0),
            ["InferenceMeanUs"] = (float)(s?.InferenceMicrosMean ?? 0),
            ["InferenceMaxUs"] = (float)(s?.InferenceMicrosMax ?? 0),
            ["Name"] = board,
            ["ModelId"] = s?.ModelId ?? "",
            ["LastError"] = lastError,
            ["FeatureDrift"] = Enumerable.Range(0, slots).Select(i => i < drift.Count ? (float)drift[i] : 0f).ToArray(),
            ["FeatureDrifted"] = Enumerable.Range(0, slots).Select(i => i < drifted.Count && drifted[i]).ToArray(),
        };
    }

    /// <summary>The board's verdict code for a name, from the firmware's table; 255 for none.</summary>
    public static byte Verdict(string? name)
    {
        for (byte code = 0; code < 8; code++)
        {
            if (WindowVerdict.Name(code) == name)
                return code;
        }
        return 255;
    }

    /// <summary>Every member equal, arrays element by element; the message names the member.</summary>
    public static void AssertEqual(IReadOnlyDictionary<string, object> expected, IReadOnlyDictionary<string, object> actual, string board)
    {
        CollectionAssert.AreEquivalent(expected.Keys.ToArray(), actual.Keys.ToArray(), $"members of {board}");
        foreach (var (member, value) in expected)
        {
            if (value is System.Collections.ICollection list)
                CollectionAssert.AreEqual(list, (System.Collections.ICollection)actual[member], $"{board}.{member}");
            else
                Assert.AreEqual(value, actual[member], $"{board}.{member}");
        }
    }
}
