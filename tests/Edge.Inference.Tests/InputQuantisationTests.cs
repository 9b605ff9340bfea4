using Edge.Device.Inference;

namespace Edge.Inference.Tests;

/// <summary>
/// The float boundary of an int8 model: q = clamp(round(v)) with ties away from zero, NaN to -128.
/// Checked value by value against the definition (System.Math in double, where every float is
/// exact), on every tie and its float neighbours: a rounding bug moves a whole step, which the
/// model-level comparisons with ONNX Runtime (within a step) cannot see.
/// </summary>
[TestClass]
public sealed class InputQuantisationTests
{
    private static int Expected(float v) =>
        float.IsNaN(v) ? -128 : (int)Math.Clamp(Math.Round((double)v, MidpointRounding.AwayFromZero), -128, 127);

    [TestMethod]
    public void EveryTieAndItsNeighboursRoundAsDefined()
    {
        int checkedValues = 0;
        for (int twice = -2 * 131; twice <= 2 * 131; twice++)
        {
            // Every integer and half-integer from -131 to 131, and the floats just beside it.
            float x = twice / 2f;
            foreach (float v in new[] { x, MathF.BitDecrement(x), MathF.BitIncrement(x), MathF.BitDecrement(MathF.BitDecrement(x)), MathF.BitIncrement(MathF.BitIncrement(x)) })
            {
                Assert.AreEqual(Expected(v), Interpreter.RoundToInt8(v), $"v = {v:R}");
                checkedValues++;
            }
        }
        Assert.AreEqual(5 * (4 * 131 + 1), checkedValues);
    }

    [TestMethod]
    [DataRow(0.5f, 1)]
    [DataRow(-0.5f, -1)]
    [DataRow(2.5f, 3, DisplayName = "2.5 -> 3 (not to even)")]
    [DataRow(-2.5f, -3)]
    [DataRow(126.5f, 127)]
    [DataRow(127.49999f, 127)]
    [DataRow(-128.49998f, -128)]
    [DataRow(-128.5f, -128, DisplayName = "-128.5 saturates")]
    [DataRow(1e9f, 127)]
    [DataRow(-1e9f, -128)]
    [DataRow(float.PositiveInfinity, 127)]
    [DataRow(float.NegativeInfinity, -128)]
    [DataRow(float.NaN, -128)]
    public void NamedCases(float v, int expected) => Assert.AreEqual(expected, Interpreter.RoundToInt8(v));

    [TestMethod]
    public void RandomFloatsRoundAsDefined()
    {
        var random = new Random(5);
        for (int i = 0; i < 1_000_000; i++)
        {
            float v = (float)(random.NextDouble() * 300 - 150);
            if (Expected(v) != Interpreter.RoundToInt8(v)) Assert.Fail($"v = {v:R}: {Interpreter.RoundToInt8(v)}, expected {Expected(v)}");
        }
    }
}
