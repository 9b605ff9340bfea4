using Edge.Device.Drift;

namespace Edge.Device.Tests.Drift;

/// <summary>Profiles built directly from device types (no host code), for device-level tests.</summary>
public static class TestProfiles
{
    public static DriftPolicySettings Policy(int window = 100, int consecutive = 3) => new()
    {
        WindowSize = window,
        DriftShareQ16 = 32768,
        ConsecutiveWindows = consecutive,
        CombineMode = CombineMode.Data,
        BurstRateQ16 = 6554,        // 0.1
        MinNormalShareQ16 = 32768,  // 0.5
        DecayBlock = 32,
        DecayShift = 5,
        CaptureRows = 16,
        OutOfProfileMinFeatures = 1,
        AlphaQ16 = 3277,            // 0.05
        KsCoefficientQ16 = 89000,   // 1.358
        ZCriticalQ16 = 128452,      // 1.96
    };

    public static ProfileColumn Binned(string name, int[] edges, int[] refCounts, byte test = DriftTest.Wasserstein,
        int lowMean = 10, int highMean = 10, int sigma = 100, int thresholdQ16 = 6554)
    {
        return new ProfileColumn
        {
            Name = name,
            Kind = ColumnKind.Numeric,
            Test = test,
            Slots = refCounts.Length,
            Shift = 0,
            ThresholdQ16 = thresholdQ16,
            Edges = edges,
            RefCounts = refCounts,
            RefLowMeanOffset = lowMean,
            RefHighMeanOffset = highMean,
            SigmaDivisor = sigma,
            RefMin = edges[0] - 2 * lowMean,
            RefMax = edges[^1] + 2 * highMean,
        };
    }

    public static ProfileColumn Categorical(string name, string[] categories, int[] refCounts, byte test = DriftTest.JensenShannon, int criticalQ16 = 0)
    {
        var counts = new int[categories.Length + 1];
        Array.Copy(refCounts, counts, refCounts.Length);
        return new ProfileColumn
        {
            Name = name,
            Kind = ColumnKind.Categorical,
            Test = test,
            Slots = categories.Length + 1,
            ThresholdQ16 = 6554,
            CriticalQ16 = criticalQ16,
            Categories = categories,
            RefCounts = counts,
        };
    }

    public static DriftProfile Of(DriftPolicySettings policy, params ProfileColumn[] columns)
    {
        long rows = columns[0].RefCounts.Sum(c => (long)c);
        foreach (var c in columns) c.Prepare(rows);
        return new DriftProfile(rows, policy, columns);
    }

    /// <summary>Edges 0, 100, 200, ... (bins - 1 of them): bin i holds (100(i-1), 100 i].</summary>
    public static int[] EvenEdges(int bins) => Enumerable.Range(0, bins - 1).Select(i => i * 100).ToArray();
}
