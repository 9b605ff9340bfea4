using Edge.Data;
using Edge.Device.Drift;
using Edge.Drift.Profiles;
using Edge.TestSupport;

namespace Edge.Drift.Tests;

[TestClass]
public sealed class ProfileBuilderTests
{
    private static Table Csv(string text)
    {
        string dir = RepoPaths.TempDirectory("profile");
        string path = Path.Combine(dir, "data.csv");
        File.WriteAllText(path, text);
        return TableReader.Read(path);
    }

    private static Table Synthetic(int rows, int seed = 1)
    {
        var random = new Random(seed);
        var lines = new List<string> { "x,y,mode,flag" };
        string[] modes = ["idle", "run", "clean"];
        for (int i = 0; i < rows; i++)
            lines.Add($"{random.NextDouble() * 10:R},{random.NextDouble() - 0.5:R},{modes[random.Next(3)]},{random.Next(2)}");
        return Csv(string.Join("\n", lines));
    }

    /// <summary>
    /// Issue 12: a reference holding error codes of 1e9 among readings near 0.002 scaled the
    /// column's fixed point so coarsely that every bin edge rounded to 0: the profile built, and
    /// the column's test could never fire. Such a reference is refused, naming what is wrong.
    /// </summary>
    [TestMethod]
    public void ExtremeValuesThatWouldDisableAColumnsTestAreRefused()
    {
        var random = new Random(3);
        var lines = new List<string> { "current,volts" };
        for (int i = 0; i < 2000; i++)
            lines.Add(FormattableString.Invariant($"{(i % 100 == 0 ? 1e9 : 0.002 + 0.0005 * (random.NextDouble() - 0.5)):R},{230 + random.NextDouble():R}"));
        var e = Assert.ThrowsExactly<DataFileException>(() => ProfileBuilder.Build(Csv(string.Join("\n", lines)), new ProfileOptions()));
        StringAssert.Contains(e.Message, "column 'current'");
        StringAssert.Contains(e.Message, "1E+09");
        StringAssert.Contains(e.Message, "20 of them");
        StringAssert.Contains(e.Message, "disable the column's test");

        // The same readings without the codes profile, with bin edges the board can tell apart.
        var clean = ProfileBuilder.Build(Csv(string.Join("\n", lines.Where((l, i) => i == 0 || !l.StartsWith("1000000000", StringComparison.Ordinal)))), new ProfileOptions());
        var edges = Column(clean, "current").Edges;
        Assert.AreEqual(edges.Length, edges.Distinct().Count());
    }

    [TestMethod]
    public void DefaultTestsFollowEvidentlyByReferenceSize()
    {
        var large = ProfileBuilder.Build(Synthetic(1500), new ProfileOptions());
        Assert.AreEqual(DriftTest.Wasserstein, Column(large, "x").Test);
        Assert.AreEqual(DriftTest.JensenShannon, Column(large, "mode").Test);
        Assert.AreEqual(DriftTest.JensenShannon, Column(large, "flag").Test, "numeric with two values is binned per value");
        Assert.AreEqual(ColumnKind.Categorical, Column(large, "flag").Kind);

        var small = ProfileBuilder.Build(Synthetic(800), new ProfileOptions());
        Assert.AreEqual(DriftTest.KolmogorovSmirnov, Column(small, "x").Test);
        Assert.AreEqual(DriftTest.ChiSquare, Column(small, "mode").Test);
        Assert.AreEqual(DriftTest.ZTest, Column(small, "flag").Test);
        Assert.AreEqual(Q16.From(CriticalValues.ChiSquare(0.05, 2)), Column(small, "mode").CriticalQ16);
        Assert.AreEqual(Q16.From(1.3581), small.Policy.KsCoefficientQ16, 2);
        Assert.AreEqual(Q16.From(1.95996), small.Policy.ZCriticalQ16, 2);
    }

    [TestMethod]
    public void SelectionTakesGlobsExclusionsAndPredictionColumns()
    {
        var table = Synthetic(300);
        var profile = ProfileBuilder.Build(table, new ProfileOptions { Columns = ["[xy]"], PredictionScoreColumn = "y", PredictedClassColumn = "flag" });
        CollectionAssert.AreEqual(new[] { "x", "y", "flag" }, profile.Columns.Select(c => c.Name).ToArray());
        Assert.AreEqual(ColumnKind.PredictionScore, Column(profile, "y").Kind);
        Assert.AreEqual(ColumnKind.PredictedClass, Column(profile, "flag").Kind);
        Assert.AreEqual(1, profile.FeatureCount);
    }

    [TestMethod]
    public void OptionsReachTheProfile()
    {
        var profile = ProfileBuilder.Build(Synthetic(300), new ProfileOptions { Bins = 8, NumericTest = "psi", Threshold = 0.25, WindowSize = 500, ConsecutiveWindows = 5, Combine = "data-and-prediction", CaptureRows = 10 });
        var x = Column(profile, "x");
        Assert.AreEqual(8, x.Slots);
        Assert.AreEqual(DriftTest.Psi, x.Test);
        Assert.AreEqual(Q16.From(0.25), x.ThresholdQ16);
        Assert.AreEqual((500, 5, CombineMode.DataAndPrediction, 10), (profile.Policy.WindowSize, profile.Policy.ConsecutiveWindows, profile.Policy.CombineMode, profile.Policy.CaptureRows));
        Assert.AreEqual(300, x.RefCounts.Sum());
    }

    [TestMethod]
    public void NonNumericCellIsNamedWithRowAndColumn()
    {
        var table = Csv("a,b\n1,2\n3,oops\n5,6\n7,8");
        var e = Assert.ThrowsExactly<DataFileException>(() => ProfileBuilder.Build(table, new ProfileOptions { Bins = 2 }));
        StringAssert.Contains(e.Message, "row 2");
        StringAssert.Contains(e.Message, "column 'b'");
        StringAssert.Contains(e.Message, "'oops'");
    }

    [TestMethod]
    public void UnknownColumnsAndTooManyCategoriesAreNamed()
    {
        var table = Synthetic(100);
        var e = Assert.ThrowsExactly<DataFileException>(() => ProfileBuilder.Build(table, new ProfileOptions { Columns = ["speed"] }));
        StringAssert.Contains(e.Message, "'speed' matches no column");
        var ids = Csv("id\n" + string.Join("\n", Enumerable.Range(0, 100).Select(i => "id" + i)));
        e = Assert.ThrowsExactly<DataFileException>(() => ProfileBuilder.Build(ids, new ProfileOptions()));
        StringAssert.Contains(e.Message, "100 distinct values");
    }

    [TestMethod]
    public void BadOptionsAreRejectedBeforeWork()
    {
        var table = Synthetic(50);
        Assert.ThrowsExactly<Edge.Common.SettingException>(() => ProfileBuilder.Build(table, new ProfileOptions { Bins = 1 }));
        Assert.ThrowsExactly<Edge.Common.SettingException>(() => ProfileBuilder.Build(table, new ProfileOptions { WindowSize = 70000 }));
        Assert.ThrowsExactly<Edge.Common.SettingException>(() => ProfileBuilder.Build(table, new ProfileOptions { NumericTest = "chi2" }));
        Assert.ThrowsExactly<Edge.Common.SettingException>(() => ProfileBuilder.Build(table, new ProfileOptions { DecayBlock = 1000, DecayShift = 10 }));
    }

    private static ProfileColumn Column(DriftProfile profile, string name) => profile.Columns[profile.IndexOf(name)];
}
