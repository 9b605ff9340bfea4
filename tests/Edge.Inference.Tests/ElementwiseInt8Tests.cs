using Edge.Device.Inference;

namespace Edge.Inference.Tests;

[TestClass]
public sealed class ElementwiseInt8Tests
{
    [TestMethod]
    [DynamicData(nameof(Implementations.All), typeof(Implementations))]
    public void ClampKeepsValuesInsideTheBounds(string implementation)
    {
        sbyte[] input = [-128, -50, -10, 0, 10, 127];
        var arena = KernelCase.Arena(input, input.Length, out int output);
        Implementations.Of(implementation).ClampInt8([input.Length, -10, 20], arena, 0, output);
        CollectionAssert.AreEqual(new sbyte[] { -10, -10, -10, 0, 10, 20 }, arena[output..]);
    }

    [TestMethod]
    [DynamicData(nameof(Implementations.All), typeof(Implementations))]
    public void ReshapeCopiesOrLeavesAliasedValues(string implementation)
    {
        var input = new KernelCase(1).Int8(16);
        var arena = KernelCase.Arena(input, 16, out int output);
        Implementations.Of(implementation).ReshapeInt8([16], arena, 0, output);
        CollectionAssert.AreEqual(input, arena[output..]);
        Implementations.Of(implementation).ReshapeInt8([16], arena, 0, 0);
        CollectionAssert.AreEqual(input, arena[..16]);
    }

    [TestMethod]
    [DynamicData(nameof(Implementations.All), typeof(Implementations))]
    public void AddFollowsTflmFormulaAndTheFloatSumWithinOneStep(string implementation)
    {
        var c = new KernelCase(5);
        const double s1 = 0.03, s2 = 0.011, so = 0.05;
        const int z1 = -7, z2 = 20, zo = 3, leftShift = 20;
        var a = c.Int8(500);
        var b = c.Int8(500);
        double twiceMax = 2 * Math.Max(s1, s2);
        var (m1, sh1) = FullyConnectedInt8Tests.Multiplier(s1 / twiceMax);
        var (m2, sh2) = FullyConnectedInt8Tests.Multiplier(s2 / twiceMax);
        var (mo, sho) = FullyConnectedInt8Tests.Multiplier(twiceMax / ((1 << leftShift) * so));
        var arena = a.Concat(b).Concat(new sbyte[500]).ToArray();
        int[] p = [500, -z1, -z2, leftShift, m1, sh1, m2, sh2, mo, sho, zo, -128, 127];
        Implementations.Of(implementation).AddInt8(p, arena, 0, 500, 1000);
        for (int i = 0; i < 500; i++)
        {
            int scaled1 = TflmOracle.Requantize((a[i] - z1) * (1 << leftShift), m1, sh1);
            int scaled2 = TflmOracle.Requantize((b[i] - z2) * (1 << leftShift), m2, sh2);
            int expected = TflmOracle.Clamp(TflmOracle.Requantize(scaled1 + scaled2, mo, sho) + zo, -128, 127);
            Assert.AreEqual(expected, arena[1000 + i], $"element {i}");
            double real = Math.Clamp((s1 * (a[i] - z1) + s2 * (b[i] - z2)) / so + zo, -128, 127);
            Assert.IsLessThanOrEqualTo(1.0, Math.Abs(arena[1000 + i] - real));
        }
    }

    [TestMethod]
    [DynamicData(nameof(Implementations.All), typeof(Implementations))]
    public void MulFollowsTflmFormulaAndTheFloatProductWithinOneStep(string implementation)
    {
        var c = new KernelCase(6);
        const double s1 = 0.02, s2 = 0.04, so = 0.1;
        const int z1 = 5, z2 = -3, zo = -10;
        var a = c.Int8(500);
        var b = c.Int8(500);
        var (m, sh) = FullyConnectedInt8Tests.Multiplier(s1 * s2 / so);
        var arena = a.Concat(b).Concat(new sbyte[500]).ToArray();
        Implementations.Of(implementation).MulInt8([500, -z1, -z2, m, sh, zo, -128, 127], arena, 0, 500, 1000);
        for (int i = 0; i < 500; i++)
        {
            int expected = TflmOracle.Clamp(TflmOracle.Requantize((a[i] - z1) * (b[i] - z2), m, sh) + zo, -128, 127);
            Assert.AreEqual(expected, arena[1000 + i]);
            double real = Math.Clamp(s1 * (a[i] - z1) * s2 * (b[i] - z2) / so + zo, -128, 127);
            Assert.IsLessThanOrEqualTo(1.0, Math.Abs(arena[1000 + i] - real));
        }
    }
}
