using Edge.Ads.Tests.Support;
using Edge.Ads.Types;

namespace Edge.Ads.Tests.Types;

[TestClass]
public sealed class PlcPathTests
{
    [TestMethod]
    [DataRow("Id", 0, "DINT", "Id")]
    [DataRow("Metrics", 8, "ST_BoardMetrics", "Metrics")]
    [DataRow("Metrics.FeatureDrift", 20, "ARRAY [0..7] OF REAL", "Metrics.FeatureDrift")]
    [DataRow("Metrics.FeatureDrift[3]", 32, "REAL", "Metrics.FeatureDrift[3]")]
    [DataRow("metrics.featuredrift[ 7 ]", 48, "REAL", "Metrics.FeatureDrift[7]")]
    [DataRow("METRICS.ALARM", 12, "BOOL", "Metrics.Alarm")]
    [DataRow("  Metrics.Model  ", 64, "STRING(15)", "Metrics.Model")]
    public void LocatesMembersAndElements(string path, int offset, string type, string canonical)
    {
        var location = SampleBoards.BoardType.Locate(path);
        Assert.AreEqual(offset, location.Offset);
        Assert.AreEqual(type, location.Type.Name);
        Assert.AreEqual(canonical, location.Path, "spelled as declared");
    }

    [TestMethod]
    public void IndexesMultiDimensionalArraysLastIndexFastest()
    {
        var grid = PlcTypes.Array(PlcTypes.Int, new PlcArrayDimension(0, 1), new PlcArrayDimension(-1, 1));
        Assert.AreEqual((1 * 3 + 2) * 2, grid.Locate("[1,1]").Offset);
        Assert.AreEqual(0, grid.Locate("[0,-1]").Offset);
        var nested = PlcTypes.Array(PlcTypes.Array(PlcTypes.DInt, 0, 2), 1, 2);
        Assert.AreEqual((1 * 3 + 2) * 4, nested.Locate("[2][2]").Offset, "ARRAY OF ARRAY takes chained indices");
    }

    [TestMethod]
    [DataRow("Nope", "has no member 'Nope'")]
    [DataRow("Metrics.FeatureDrift[8]", "outside")]
    [DataRow("Metrics.FeatureDrift[x]", "integer indices")]
    [DataRow("Metrics.FeatureDrift[1", "not closed")]
    [DataRow("Id.Low", "not a STRUCT")]
    [DataRow("Metrics[0]", "not an ARRAY")]
    [DataRow("Metrics..Alarm", "missing")]
    [DataRow("Metrics.FeatureDrift[1,2]", "outside")]
    public void NamesWhatDoesNotResolve(string path, string reason)
    {
        Assert.IsFalse(SampleBoards.BoardType.TryLocate(path, out _));
        var error = Assert.ThrowsExactly<ArgumentException>(() => SampleBoards.BoardType.Locate(path));
        StringAssert.Contains(error.Message, reason);
    }
}
