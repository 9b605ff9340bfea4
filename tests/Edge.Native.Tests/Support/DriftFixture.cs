using Edge.Data;
using Edge.Device.Drift;
using Edge.Drift.Profiles;
using Edge.Drift.Replay;
using Edge.TestSupport;
using Edge.TestSupport.Native;

namespace Edge.Native.Tests.Support;

/// <summary>
/// The motor-flux drift profile (64 spectral features binned in 16, and the load category, built
/// on train_164V) and a stream of samples to feed it: test_164V then drift_289V (4000 rows, the
/// second half drifted), every seventh flagged anomalous.
/// </summary>
public static class DriftFixture
{
    private static readonly Lazy<DriftProfile> LazyProfile = new(() =>
        ProfileBuilder.Build(TableReader.Read(RepoPaths.MotorFlux("train_164V.features.csv")),
            new ProfileOptions { Columns = ["f[0-9]*"], Categorical = ["load"], Bins = 16 }));

    private static readonly Lazy<IReadOnlyList<DriftSample>> LazySamples = new(() =>
        new[] { "test_164V", "drift_289V" }
            .SelectMany(set => RowEncoder.Encode(Profile, TableReader.Read(RepoPaths.MotorFlux($"{set}.features.csv"))))
            .Select((row, i) => new DriftSample(WithGaps(row, i), i % 7 == 3))
            .ToList());

    // Some rows lose a value or two (a sensor dropping out), so the missing-value rule is compared too.
    private static int[] WithGaps(int[] row, int i)
    {
        if (i % 13 == 5) row[i * 7 % row.Length] = Edge.Device.Numerics.FixedPointInput.Missing;
        if (i % 97 == 11) row[(i + 3) % row.Length] = row[(i + 40) % row.Length] = Edge.Device.Numerics.FixedPointInput.Missing;
        return row;
    }

    public static DriftProfile Profile => LazyProfile.Value;

    public static IReadOnlyList<DriftSample> Samples => LazySamples.Value;

    /// <summary>Fresh sketches for the profile and an update of the kind asked for.</summary>
    public static (SampleUpdate Update, WindowSketch Window, WindowSketch Anomalous, DecayedSketch Decayed) Sketches(bool native)
    {
        var window = new WindowSketch(Profile);
        var anomalous = new WindowSketch(Profile);
        var decayed = new DecayedSketch(Profile, window);
        return (SampleUpdate.Create(Profile, window, anomalous, decayed, native), window, anomalous, decayed);
    }
}
