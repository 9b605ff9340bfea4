using Edge.Device.Drift;
using Edge.Drift.Profiles;
using Edge.Targets.Memory;

namespace Edge.Drift.Output;

/// <summary>What `edge drift profile` prints after writing a profile.</summary>
public static class ProfileSummary
{
    public static void Write(TextWriter w, DriftProfile profile, string file, int bytes)
    {
        var p = profile.Policy;
        w.WriteLine($"wrote {file}: {bytes} bytes, {profile.Columns.Length} column(s) from {profile.ReferenceRows} reference rows");
        foreach (var group in profile.Columns.GroupBy(c => (c.Kind, c.Test, c.Slots, c.ThresholdQ16)))
        {
            var (kind, test, slots, threshold) = group.Key;
            string names = string.Join(", ", group.Take(6).Select(c => c.Name)) + (group.Count() > 6 ? $", ... ({group.Count()} columns)" : "");
            string slotText = ColumnKind.IsBinned(kind) ? $"{slots} bins" : $"{slots - 1} categories";
            string limit = DefaultTests.IsSignificanceTest(test) ? $"alpha {Q16.ToDouble(threshold):0.###}" : $"threshold {Q16.ToDouble(threshold):0.###}";
            w.WriteLine($"  {ColumnKind.Name(kind),-16} {DriftTest.Name(test),-11} {limit,-16} {slotText,-14} {names}");
        }
        w.WriteLine($"policy: window {p.WindowSize}, dataset drift at {Q16.ToDouble(p.DriftShareQ16):0.##} of features, confirmed after {p.ConsecutiveWindows} window(s), " +
                    $"combine {CombineMode.Name(p.CombineMode)}, burst check from anomaly rate {Q16.ToDouble(p.BurstRateQ16):0.##}, " +
                    $"out of profile at {p.OutOfProfileMinFeatures} feature(s), capture {p.CaptureRows} rows");
        long monitor = BoardMemory.Profile(profile);
        w.WriteLine(FormattableString.Invariant($"board RAM on nanoCLR: {monitor:N0} B for the drift monitor (profile, sketches, reports{(p.CaptureRows > 0 ? ", capture ring" : "")}), ") +
                    FormattableString.Invariant($"{monitor / Math.Max(1, profile.Columns.Length):N0} B per column; check it with a model: --board"));
    }
}
