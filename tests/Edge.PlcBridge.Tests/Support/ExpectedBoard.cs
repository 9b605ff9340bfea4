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
        bool window = s?.WindowValid ?? false;
        IReadOnlyList<double> drift = window ? s!.FeatureDrift : [];
        IReadOnlyList<bool> drifted = window ? s!.FeatureDrifted : [];
        IReadOnlyList<bool> saturated = window ? s!.FeatureSaturated : [];
        IReadOnlyList<int> missing = window ? s!.FeatureMissing : [];
        return new Dictionary<string, object>
        {
            ["Size"] = (uint)size,
            ["Layout"] = (ushort)2,
            ["FeatureCount"] = (ushort)(s?.FeatureDrift.Count ?? 0),
            ["Online"] = online,
            ["Stale"] = stale,
            ["DriftAlarm"] = s?.DriftAlarm ?? false,
            ["AlarmAck"] = false,
            ["Verdict"] = window ? s!.Verdict : (byte)255,
            ["Updates"] = (uint)updates,
            ["LastSeen"] = s?.LastSeen is { } seen ? (ulong)seen.UtcDateTime.ToFileTimeUtc() : 0UL,
            ["WindowsCompleted"] = (ulong)(s?.WindowsCompleted ?? 0),
            ["Samples"] = (ulong)(s?.Samples ?? 0),
            ["Inferences"] = (ulong)(s?.Inferences ?? 0),
            ["Anomalies"] = (ulong)(s?.Anomalies ?? 0),
            ["AnomalyRate"] = window ? (float)s!.AnomalyRate : 0f,
            ["DriftScore"] = window ? (float)s!.DriftScore : 0f,
            ["InferenceMeanUs"] = (float)(s?.InferenceMicrosMean ?? 0),
            ["InferenceMaxUs"] = (float)(s?.InferenceMicrosMax ?? 0),
            ["Name"] = board,
            ["ModelId"] = s?.ModelId ?? "",
            ["LastError"] = lastError,
            // A saturated statistic reads as its lower bound, 32768, beside its flag.
            ["FeatureDrift"] = Enumerable.Range(0, slots).Select(i => i < saturated.Count && saturated[i] ? 32768f : i < drift.Count ? (float)drift[i] : 0f).ToArray(),
            ["FeatureDrifted"] = Enumerable.Range(0, slots).Select(i => i < drifted.Count && drifted[i]).ToArray(),
            ["StatusValid"] = s?.StatusValid ?? false,
            ["WindowValid"] = window,
            ["MissingValues"] = (ulong)(s?.MissingValues ?? 0),
            ["FeatureSaturated"] = Enumerable.Range(0, slots).Select(i => i < saturated.Count && saturated[i]).ToArray(),
            ["FeatureMissing"] = Enumerable.Range(0, slots).Select(i => i < missing.Count ? (ushort)missing[i] : (ushort)0).ToArray(),
        };
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
