using Edge.Device.Inference;

namespace Edge.Inference.Tests;

[TestClass]
public sealed class TreeDecisionTests
{
    private static int Key(float value) => FloatKey.FromBits(BitConverter.SingleToInt32Bits(value));

    private static IEnumerable<float> Interesting()
    {
        float[] values = [0f, -0f, 1f, -1f, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue, float.PositiveInfinity, float.NegativeInfinity, 1e-38f, -1e-38f, 0.1f, -0.1f];
        foreach (var v in values)
        {
            yield return v;
            yield return MathF.BitIncrement(v);
            yield return MathF.BitDecrement(v);
        }
        var random = new Random(4);
        for (int i = 0; i < 2000; i++) yield return BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue)) is var f && float.IsNaN(f) ? 0.5f : f;
    }

    [TestMethod]
    public void KeysOrderExactlyAsFloat32Compares()
    {
        var values = Interesting().ToArray();
        foreach (var a in values)
        foreach (var b in values.Take(300))
        {
            Assert.AreEqual(a <= b, Key(a) <= Key(b), $"{a:R} <= {b:R}");
            Assert.AreEqual(a < b, Key(a) < Key(b), $"{a:R} < {b:R}");
            Assert.AreEqual(a == b, Key(a) == Key(b), $"{a:R} == {b:R}");
        }
    }

    [TestMethod]
    public void KeysRoundTripToTheSameBits()
    {
        foreach (var v in Interesting().Where(v => BitConverter.SingleToInt32Bits(v) != int.MinValue))
            Assert.AreEqual(BitConverter.SingleToInt32Bits(v), FloatKey.ToBits(Key(v)));
    }

    [TestMethod]
    [DataRow(TreeEnsembleInt8.BranchLeq)]
    [DataRow(TreeEnsembleInt8.BranchLt)]
    [DataRow(TreeEnsembleInt8.BranchGte)]
    [DataRow(TreeEnsembleInt8.BranchGt)]
    [DataRow(TreeEnsembleInt8.BranchEq)]
    [DataRow(TreeEnsembleInt8.BranchNeq)]
    public void EverySplitModeDecidesAsFloatOnAndAroundTheThreshold(int mode)
    {
        Func<float, float, bool> reference = mode switch
        {
            TreeEnsembleInt8.BranchLeq => (x, t) => x <= t,
            TreeEnsembleInt8.BranchLt => (x, t) => x < t,
            TreeEnsembleInt8.BranchGte => (x, t) => x >= t,
            TreeEnsembleInt8.BranchGt => (x, t) => x > t,
            TreeEnsembleInt8.BranchEq => (x, t) => x == t,
            _ => (x, t) => x != t,
        };
        foreach (float threshold in new[] { 0.00123f, -2.5f, 0f, 1e-30f, 3.4e38f })
        {
            int[] nodes = [Key(threshold), mode << 24 | 0, 1 | 2 << 16];
            foreach (float x in new[] { threshold, MathF.BitIncrement(threshold), MathF.BitDecrement(threshold), -threshold, 0f, -0f })
            {
                int[] features = [Key(x)];
                Assert.AreEqual(reference(x, threshold), TreeEnsembleInt8.Decide(nodes, 0, 0, features, 0), $"mode {mode}: {x:R} vs {threshold:R}");
            }
        }
    }

    [TestMethod]
    [DynamicData(nameof(Implementations.All), typeof(Implementations))]
    public void EnsembleSumsLeafWeightsOfTheReachedLeaves(string implementation)
    {
        // Two stumps on feature 0: x <= 1 -> +3 else +5 (target 0); x < 0 -> +1 else +2 (target 1); base 10, 20.
        int[] ints =
        [
            0, 3,                                                            // roots
            Key(1f), TreeEnsembleInt8.BranchLeq << 24, 1 | 2 << 16,            // tree 0 split
            0, TreeEnsembleInt8.Leaf << 24 | 1, 0,                           // leaf: weight 0
            1, TreeEnsembleInt8.Leaf << 24 | 1, 0,                           // leaf: weight 1
            Key(0f), TreeEnsembleInt8.BranchLt << 24, 1 | 2 << 16,             // tree 1 split
            2, TreeEnsembleInt8.Leaf << 24 | 1, 0,
            3, TreeEnsembleInt8.Leaf << 24 | 1, 0,
            0, 3, 0, 5, 1, 1, 1, 2,                                          // leaf weights (target, value)
            10, 20,                                                          // base values
        ];
        int[] p = [1, 2, 0, 2, 6, 20, 4, 2, 28, 0, 0, 1];
        foreach (var (x, expected) in new[] { (1f, new[] { 13, 22 }), (MathF.BitIncrement(1f), new[] { 15, 22 }), (-0.5f, new[] { 13, 21 }) })
        {
            var arena32 = new int[3];
            arena32[0] = Key(x);
            var arena8 = new sbyte[2];
            Implementations.Of(implementation).TreeEnsembleInt8(p, ints, arena32, arena8, 0, 0);
            CollectionAssert.AreEqual(expected.Select(v => (sbyte)v).ToArray(), arena8, $"x = {x:R}");
        }
    }
}
