using Edge.Hil.Matrix;

namespace Edge.Hil.Tests;

[TestClass]
public sealed class ShardTests
{
    private static readonly string[] Keys = Enumerable.Range(0, 300).Select(i => $"model{i}@board{i % 6}@fw{i % 3}").ToArray();

    [TestMethod]
    public void EveryCellIsInExactlyOneShard()
    {
        for (int n = 1; n <= 5; n++)
        {
            var counts = Keys.Select(k => Enumerable.Range(1, n).Count(i => new Shard(i, n).Contains(k))).ToList();
            Assert.IsTrue(counts.All(c => c == 1), $"n = {n}");
        }
    }

    [TestMethod]
    public void ShardsAreBalancedAndStable()
    {
        var sizes = Enumerable.Range(1, 3).Select(i => Keys.Count(k => new Shard(i, 3).Contains(k))).ToList();
        Assert.IsTrue(sizes.All(s => s is > 70 and < 130), string.Join(",", sizes));
    }

    [TestMethod]
    public void TheSplitIsTheDocumentedHashOfTheKey()
    {
        // Any bench host computes the same split: the first 8 bytes of SHA-256(key), big-endian, modulo n (checked with Python's hashlib).
        Assert.IsTrue(new Shard(3, 3).Contains("flux_mlp@f746zg-sim@current"));
        Assert.IsTrue(new Shard(1, 2).Contains("flux_cnn1d@f401re-sim@current"));
    }

    [TestMethod]
    public void ParsesOneBasedFractions()
    {
        Assert.IsTrue(Shard.TryParse("2/3", out var shard));
        Assert.AreEqual(new Shard(2, 3), shard);
        foreach (string bad in new[] { "0/3", "4/3", "3", "a/b", "1/0", "" }) Assert.IsFalse(Shard.TryParse(bad, out _), bad);
    }

    [TestMethod]
    public void OneShardHoldsEveryCellAndPrintsAsAFraction()
    {
        Assert.AreEqual(new Shard(1, 1), Shard.All);
        Assert.IsTrue(Keys.All(Shard.All.Contains));
        Assert.AreEqual("2/3", new Shard(2, 3).ToString());
    }

    [TestMethod]
    public void EachKeyIsInTheShardItsHashNames()
    {
        // first 8 bytes of SHA-256(key), big-endian, modulo n, plus one (Python's hashlib):
        // "a@b@c" -> 1, 2, 3, 3 for n = 2, 3, 4, 5; "x@y@current" -> 0, 0, 2, 3
        foreach (var (key, shards) in new[] { ("a@b@c", new[] { 1, 2, 3, 3 }), ("x@y@current", new[] { 0, 0, 2, 3 }) })
        {
            for (int n = 2; n <= 5; n++)
            {
                int expected = shards[n - 2] + 1;
                for (int i = 1; i <= n; i++)
                    Assert.AreEqual(i == expected, new Shard(i, n).Contains(key), $"{key} in {i}/{n}");
            }
        }
    }

    [TestMethod]
    public void ParsingTakesOnlyPlainDigitsWithTheIndexUpToTheCount()
    {
        Assert.IsTrue(Shard.TryParse("3/3", out var last));
        Assert.AreEqual(new Shard(3, 3), last);
        Assert.IsTrue(Shard.TryParse("1/1", out var one));
        Assert.AreEqual(Shard.All, one);
        foreach (string? bad in new[] { "+1/2", "-1/2", " 1/2", "1/2 ", "1/2/3", "1/-2", "1.0/2", null })
        {
            Assert.IsFalse(Shard.TryParse(bad, out var shard), bad ?? "null");
            Assert.AreEqual(Shard.All, shard, "a refused text leaves the whole matrix");
        }
    }

    [TestMethod]
    public void AShardPrintsAsItIsWrittenOnTheCommandLine()
    {
        Assert.AreEqual("2/5", new Shard(2, 5).ToString());
        Assert.IsTrue(Shard.TryParse(new Shard(4, 7).ToString(), out var back));
        Assert.AreEqual(new Shard(4, 7), back);
    }
}
