using Edge.Models.Verification;

namespace Edge.Models.Tests.Verification;

/// <summary>
/// Every agreement and cosine figure Edge reports comes from <see cref="AgreementMetrics"/>: each
/// figure here is worked out by hand from its definition (max |e|, sqrt(mean e²), ‖e‖/‖ref‖,
/// cosine over all values pooled, the lowest row cosine).
/// </summary>
[TestClass]
public sealed class AgreementMetricsTests
{
    private const double Exact = 1e-12;

    private static AgreementMetrics Of(float[][] reference, float[][] candidate) => AgreementMetrics.Compute(reference, candidate);

    [TestMethod]
    public void IdenticalOutputsAgreeCompletely()
    {
        var m = Of([[3, 4], [-1, 0.5f]], [[3, 4], [-1, 0.5f]]);
        Assert.AreEqual((2, 0.0, 0.0, 0.0), (m.Rows, m.MaxAbsError, m.Rmse, m.L2RelativeError));
        Assert.AreEqual(1.0, m.Cosine, Exact);
        Assert.AreEqual(1.0, m.MinRowCosine, Exact);
    }

    [TestMethod]
    public void TwoRowsWorkedByHand()
    {
        // Errors -1, +1, 0, 0: max 1; sum e² = 2 over 4 values; ‖ref‖² = 1 + 4 = 5;
        // pooled dot = 0 + 4, ‖cand‖² = 1 + 4: cosine 4/5; row 0 is orthogonal (cosine 0).
        var m = Of([[1, 0], [0, 2]], [[0, 1], [0, 2]]);
        Assert.AreEqual(2, m.Rows);
        Assert.AreEqual(1.0, m.MaxAbsError, Exact);
        Assert.AreEqual(Math.Sqrt(2.0 / 4), m.Rmse, Exact);
        Assert.AreEqual(Math.Sqrt(2.0 / 5), m.L2RelativeError, Exact);
        Assert.AreEqual(0.8, m.Cosine, Exact);
        Assert.AreEqual(0.0, m.MinRowCosine, Exact);
    }

    [TestMethod]
    public void CosineIsPooledOverEveryValueNotAveragedOverRows()
    {
        // Rows agree (1) and are orthogonal (0): their mean would be 0.5; pooled, dot 1 over ‖10‖·‖10‖ is 0.1.
        var m = Of([[1, 0], [0, 3]], [[1, 0], [3, 0]]);
        Assert.AreEqual(0.1, m.Cosine, Exact);
        Assert.AreEqual(0.0, m.MinRowCosine, Exact);
        Assert.AreEqual(3.0, m.MaxAbsError, Exact);
        Assert.AreEqual(Math.Sqrt(18.0 / 4), m.Rmse, Exact);
        Assert.AreEqual(Math.Sqrt(18.0 / 10), m.L2RelativeError, Exact);
    }

    [TestMethod]
    public void ScaleChangesTheErrorsButNotTheCosine()
    {
        // Candidate = 2 · reference: e = reference = (1, 2, 2), ‖e‖ = 3 = ‖ref‖.
        var m = Of([[1, 2, 2]], [[2, 4, 4]]);
        Assert.AreEqual(2.0, m.MaxAbsError, Exact);
        Assert.AreEqual(Math.Sqrt(3), m.Rmse, Exact);
        Assert.AreEqual(1.0, m.L2RelativeError, Exact);
        Assert.AreEqual(1.0, m.Cosine, Exact);
        Assert.AreEqual(1.0, m.MinRowCosine, Exact);
    }

    [TestMethod]
    public void OppositeOutputsHaveCosineMinusOne()
    {
        // e = (-2, 2): max 2, rmse 2, ‖e‖/‖ref‖ = sqrt(8/2) = 2.
        var m = Of([[1, -1]], [[-1, 1]]);
        Assert.AreEqual(-1.0, m.Cosine, Exact);
        Assert.AreEqual(-1.0, m.MinRowCosine, Exact);
        Assert.AreEqual(2.0, m.MaxAbsError, Exact);
        Assert.AreEqual(2.0, m.Rmse, Exact);
        Assert.AreEqual(2.0, m.L2RelativeError, Exact);
    }

    [TestMethod]
    public void ZeroRowsFollowTheDocumentedConvention()
    {
        // Two zero vectors are identical; one zero vector is orthogonal to anything; a zero reference has no relative error.
        var same = Of([[0, 0]], [[0, 0]]);
        Assert.AreEqual((1.0, 1.0, 0.0), (same.Cosine, same.MinRowCosine, same.L2RelativeError));
        var one = Of([[0, 0], [1, 1]], [[0, 0], [1, 1]]);
        Assert.AreEqual(1.0, one.MinRowCosine, Exact);
        var lopsided = Of([[0, 0]], [[3, 4]]);
        Assert.AreEqual((0.0, 0.0, 0.0, 4.0), (lopsided.Cosine, lopsided.MinRowCosine, lopsided.L2RelativeError, lopsided.MaxAbsError));
        Assert.AreEqual(Math.Sqrt(25.0 / 2), lopsided.Rmse, Exact);
    }

    [TestMethod]
    public void RowCountsMustMatchAndNotBeZero()
    {
        Assert.ThrowsExactly<ArgumentException>(() => Of([[1]], [[1], [2]]));
        Assert.ThrowsExactly<ArgumentException>(() => Of([], []));
    }
}
