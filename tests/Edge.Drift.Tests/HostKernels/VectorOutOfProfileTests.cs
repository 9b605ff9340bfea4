using Edge.Device.Drift;
using Edge.Drift.HostKernels;

namespace Edge.Drift.Tests.HostKernels;

/// <summary>The host's vector out-of-profile check against the board's (<see cref="OutOfProfile.Check"/>).</summary>
[TestClass]
public sealed class VectorOutOfProfileTests
{
    [TestMethod]
    public void EveryRowIsJudgedAsTheBoardJudgesIt()
    {
        // Random profiles of 1..70 columns of every kind (only numeric ones count), thresholds 0..3,
        // rows with missing values, values at and past the reference's range and int32 extremes.
        var random = new RandomProfiles(seed: 41);
        int outside = 0, inside = 0;
        for (int trial = 0; trial < 200; trial++)
        {
            var profile = random.Profile(columns: 1 + trial % 70);
            var check = new VectorOutOfProfile(profile);
            for (int r = 0; r < 100; r++)
            {
                var row = random.Row(profile);
                if (r % 4 == 0) NearTheRange(profile, row, random);
                bool expected = OutOfProfile.Check(profile, row, 0);
                Assert.AreEqual(expected, check.Check(row, 0), $"trial {trial} row {r}: [{string.Join(", ", row)}]");
                if (expected) outside++;
                else inside++;
            }
        }
        Assert.IsGreaterThan(1000, outside, "premise: rows out of profile");
        Assert.IsGreaterThan(1000, inside, "premise: rows in profile");
    }

    [TestMethod]
    public void ARowOffsetIntoALargerArrayAndAShortRowAreTheBoardsToo()
    {
        var random = new RandomProfiles(seed: 2);
        DriftProfile profile;
        do profile = random.Profile(columns: 21);
        while (profile.Policy.OutOfProfileMinFeatures == 0 || profile.Columns[^1].Kind != ColumnKind.Numeric);
        var check = new VectorOutOfProfile(profile);
        var block = Enumerable.Range(0, 50).SelectMany(_ => random.Row(profile)).ToArray();
        for (int r = 0; r < 50; r++)
            Assert.AreEqual(OutOfProfile.Check(profile, block, r * 21), check.Check(block, r * 21), $"row {r}");
        // A row one value short: the board's check fails, or answers before it reaches the end.
        for (int r = 0; r < 50; r++)
        {
            var shortRow = random.Row(profile)[..20];
            string expected = Outcome(() => OutOfProfile.Check(profile, shortRow, 0));
            Assert.AreEqual(expected, Outcome(() => check.Check(shortRow, 0)), $"short row {r}");
        }
        // Nothing outside the range (all missing): the board reads on to the last, numeric, column, past the row's end.
        var gaps = Enumerable.Repeat(Device.Numerics.FixedPointInput.Missing, 20).ToArray();
        Assert.AreEqual(nameof(IndexOutOfRangeException), Outcome(() => OutOfProfile.Check(profile, gaps, 0)), "premise");
        Assert.AreEqual(nameof(IndexOutOfRangeException), Outcome(() => check.Check(gaps, 0)));
    }

    private static string Outcome(Func<bool> check)
    {
        try
        {
            return check().ToString();
        }
        catch (Exception e)
        {
            return e.GetType().Name;
        }
    }

    /// <summary>Moves some numeric values onto, or one step past, the reference's minimum or maximum.</summary>
    private static void NearTheRange(DriftProfile profile, int[] row, RandomProfiles random)
    {
        for (int c = 0; c < row.Length; c++)
        {
            var column = profile.Columns[c];
            if (!random.Coin(0.5)) continue;
            bool low = random.Coin(0.5);
            long bound = low ? column.RefMin : column.RefMax;
            long value = random.Coin(0.5) ? bound : low ? bound - 1 : bound + 1;
            if (value > int.MinValue && value <= int.MaxValue) row[c] = (int)value;
        }
    }
}
