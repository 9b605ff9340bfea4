using Edge.Models.Verification;

namespace Edge.Models.Tests.Verification;

/// <summary>
/// <see cref="SpillingAuc"/> against independent expectations: scikit-learn's documented
/// roc_auc_score example, and the AUC's definition counted pair by pair (every positive against
/// every negative, ties half) over data with many ties, in memory and spilled to disk with
/// multi-level merges.
/// </summary>
[TestClass]
public sealed class SpillingAucTests
{
    [TestMethod]
    public void SklearnsDocumentedExampleIsThreeQuarters()
    {
        // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75 in scikit-learn's documentation.
        using var auc = new SpillingAuc();
        foreach (var (score, positive) in new[] { (0.1, false), (0.4, false), (0.35, true), (0.8, true) }) auc.Add(score, positive);
        Assert.AreEqual(0.75, auc.Result(), 1e-15);
        Assert.AreEqual(0, auc.SpilledRuns);
    }

    [TestMethod]
    [DataRow(1 << 19, 64, 0)]   // everything in memory
    [DataRow(97, 64, 31)]       // 31 runs merged at once
    [DataRow(97, 3, 31)]        // 31 runs: merged three at a time into longer runs first (4 levels)
    [DataRow(1, 2, 3001)]       // a run per pair, pairwise merges
    public void EqualsPairCountingWithTies(int runLength, int fanIn, int expectedRuns)
    {
        var random = new Random(17);
        var scores = new double[3001];
        var labels = new bool[scores.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            labels[i] = random.NextDouble() < 0.3;
            // Scores on a 0.05 grid (many ties), positives shifted up a little: an AUC well away from 0.5 and 1.
            scores[i] = Math.Round((random.NextDouble() + (labels[i] ? 0.25 : 0)) * 20) / 20;
        }
        using var auc = new SpillingAuc(runLength, fanIn);
        for (int i = 0; i < scores.Length; i++) auc.Add(scores[i], labels[i]);

        Assert.AreEqual(ByPairs(scores, labels), auc.Result(), 1e-12);
        Assert.AreEqual(expectedRuns, auc.SpilledRuns);
    }

    [TestMethod]
    public void TheTemporaryFileIsGoneAfterDispose()
    {
        string dir = Directory.CreateTempSubdirectory("edge-auc-test").FullName;
        try
        {
            var auc = new SpillingAuc(runLength: 4, directory: dir);
            for (int i = 0; i < 100; i++) auc.Add(i % 7, i % 3 == 0);
            Assert.AreEqual(1, Directory.GetFiles(dir).Length, "the runs are on disk while the AUC is open");
            Assert.IsFalse(double.IsNaN(auc.Result()));
            auc.Dispose();
            Assert.AreEqual(0, Directory.GetFiles(dir).Length, "nothing is left behind");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void AFolderThatCannotHoldTheRunsIsNamed()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"edge-no-such-folder-{Guid.NewGuid():N}");
        using var auc = new SpillingAuc(runLength: 2, directory: missing);
        auc.Add(0.1, true);
        auc.Add(0.2, false);
        var error = Assert.ThrowsExactly<IOException>(() => auc.Add(0.3, true));
        StringAssert.Contains(error.Message, missing);
    }

    [TestMethod]
    public void OneClassOnlyHasNoAuc()
    {
        using var auc = new SpillingAuc(runLength: 2);
        for (int i = 0; i < 10; i++) auc.Add(i, positive: true);
        Assert.IsTrue(double.IsNaN(auc.Result()));
    }

    /// <summary>The definition: over every (positive, negative) pair, 1 when the positive scores higher, 1/2 on a tie.</summary>
    private static double ByPairs(double[] scores, bool[] labels)
    {
        double wins = 0;
        long pairs = 0;
        for (int p = 0; p < scores.Length; p++)
        {
            if (!labels[p]) continue;
            for (int n = 0; n < scores.Length; n++)
            {
                if (labels[n]) continue;
                pairs++;
                if (scores[p] > scores[n]) wins += 1;
                else if (scores[p] == scores[n]) wins += 0.5;
            }
        }
        return wins / pairs;
    }
}
