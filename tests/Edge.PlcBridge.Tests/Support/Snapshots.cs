using Edge.PlcBridge.Boards;

namespace Edge.PlcBridge.Tests.Support;

/// <summary>Snapshots as a board's telemetry would produce them: seeded values across every field.</summary>
internal static class Snapshots
{
    public static BoardSnapshot Random(string board, int seed, int features, DateTimeOffset? lastSeen = null)
    {
        var rng = new Random(seed);
        var drift = Enumerable.Range(0, features).Select(_ => Math.Round(rng.NextDouble() * 0.4, 5)).ToArray();
        // Feature 1 saturated (a chi-square over a category the reference never had): a bound, +infinity.
        var saturated = drift.Select((_, i) => i == 1).ToArray();
        if (features > 1) drift[1] = double.PositiveInfinity;
        var drifted = drift.Select(d => d >= 0.1).ToArray();
        long samples = rng.NextInt64(1_000, 5_000_000_000); // beyond u32, as a long-running board's count may be
        long anomalies = rng.NextInt64(0, samples / 10);
        return new BoardSnapshot(
            Board: board,
            Online: true,
            LastSeen: lastSeen ?? DateTimeOffset.UtcNow,
            StatusValid: true,
            ModelId: Convert.ToHexString(BitConverter.GetBytes(rng.NextInt64())).ToLowerInvariant(),
            WindowsCompleted: rng.Next(0, 100_000),
            Samples: samples,
            Inferences: rng.NextInt64(0, samples),
            Anomalies: anomalies,
            MissingValues: rng.NextInt64(0, 1000),
            DriftAlarm: rng.Next(2) == 1,
            WindowValid: true,
            AnomalyRate: Math.Round(rng.NextDouble() * 0.2, 6),
            DriftScore: (double)drifted.Count(d => d) / features,
            Verdict: (byte)rng.Next(4),
            FeatureNames: Enumerable.Range(0, features).Select(i => $"f{i}_{(char)('a' + rng.Next(26))}").ToArray(),
            FeatureDrift: drift,
            FeatureSaturated: saturated,
            FeatureDrifted: drifted,
            FeatureMissing: drift.Select(_ => rng.Next(0, 200)).ToArray(),
            InferenceMicrosMean: Math.Round(rng.NextDouble() * 900 + 100, 2),
            InferenceMicrosMax: Math.Round(rng.NextDouble() * 2000 + 1000, 2),
            LastError: "");
    }
}
