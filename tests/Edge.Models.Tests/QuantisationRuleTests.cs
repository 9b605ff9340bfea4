using Edge.Models.Graph;
using Edge.Models.Quantization;
using Edge.Models.Verification;

namespace Edge.Models.Tests;

[TestClass]
public sealed class QuantisationRuleTests
{
    [TestMethod]
    public void MultipliersFollowTflmQuantizeMultiplier()
    {
        var random = new Random(1);
        for (int i = 0; i < 100_000; i++)
        {
            double real = Math.Pow(2, random.NextDouble() * 40 - 30);
            var (m, shift) = QuantizedMultiplier.From(real);
            Assert.IsTrue(m >= 1 << 30 && m < int.MaxValue || m == int.MaxValue, $"M {m} normalised");
            Assert.AreEqual(real, m * Math.Pow(2, shift - 31), real * Math.Pow(2, -31), $"real {real}");
        }
        Assert.AreEqual(new QuantizedMultiplier(1 << 30, 1), QuantizedMultiplier.From(1 - Math.Pow(2, -40)), "q rounding up to 1 renormalises");
        Assert.AreEqual(new QuantizedMultiplier(0, 0), QuantizedMultiplier.From(Math.Pow(2, -40)), "below 2^-32 is zero");
        Assert.AreEqual(new QuantizedMultiplier(1 << 30, 0), QuantizedMultiplier.From(0.5));
    }

    [TestMethod]
    public void RangesIncludeZeroAndMapOntoInt8()
    {
        var q = AffineQuantization.FromRange(0.5, 2.0);
        Assert.AreEqual(-128, q.ZeroPoint, "0 is the lowest value");
        Assert.AreEqual(-128, q.Quantize(0));
        Assert.AreEqual(127, q.Quantize(2.0));
        var signed = AffineQuantization.FromRange(-1, 3);
        Assert.AreEqual(0.0, signed.Dequantize(signed.ZeroPoint));
        Assert.AreEqual(-1, signed.Dequantize(-128), signed.Scale);
        var unsigned = AffineQuantization.FromRange(160, 170, includeZero: false);
        Assert.AreEqual(160, unsigned.Dequantize(-128), unsigned.Scale, "a per-feature range need not include zero");
    }

    [TestMethod]
    public void SigmoidInputsAreClippedWhereTheTableSaturates()
    {
        var input = new GraphTensor("logit", [1, 1]);
        var sigmoid = new UnaryFunctionOp("s", "Sigmoid", input, new GraphTensor("p", [1, 1]), "sigmoid", x => 1 / (1 + Math.Exp(-x)), (0, 1));
        var output = new AffineQuantization(1f / 256, -128);
        var (min, max) = SaturationRange.Clip((-40, 25), sigmoid, output);
        // Below ln(1/511) every sigmoid rounds to the lowest step; above ln(254.5/1.5) to the highest.
        Assert.AreEqual(Math.Log(1.0 / 511), min, 1e-6);
        Assert.AreEqual(Math.Log(254.5 / 1.5), max, 1e-6);
        Assert.AreEqual((-1.0, 2.0), SaturationRange.Clip((-1, 2), sigmoid, output), "inside the unsaturated part nothing changes");
    }

    [TestMethod]
    public void ColumnRangesExpandAndDescribeThemselves()
    {
        CollectionAssert.AreEqual(new[] { "f0", "f1", "f2", "load", "s10", "s11" }, InputMapping.Expand("f0..f2, load, s10..s11").ToArray());
        Assert.AreEqual("s0..s255", InputMapping.Describe(InputMapping.Expand("s0..s255")));
        Assert.AreEqual("a,b", InputMapping.Describe(["a", "b"]));
        Assert.ThrowsExactly<Edge.Common.SettingException>(() => InputMapping.Expand("f5..f2"));
        Assert.ThrowsExactly<Edge.Common.SettingException>(() => InputMapping.Expand("f0..g3"));
    }
}
