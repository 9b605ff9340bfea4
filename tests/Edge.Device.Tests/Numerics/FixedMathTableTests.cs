using System.Reflection;
using Edge.Device.Numerics;

namespace Edge.Device.Tests.Numerics;

/// <summary>The generated constant tables, entry by entry, against System.Math.</summary>
[TestClass]
public sealed class FixedMathTableTests
{
    private static T Table<T>(string name) =>
        (T)typeof(FixedMath).Assembly.GetType("Edge.Device.Numerics.FixedMathTables")!
            .GetField(name, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    [TestMethod]
    public void LnTableHoldsRoundedLogarithms()
    {
        var table = Table<long[]>("LnQ40");
        Assert.AreEqual(256, table.Length);
        for (int i = 0; i < 256; i++)
            Assert.AreEqual(Math.Round(Math.Log(1 + i / 256.0) * Math.Pow(2, 40)), table[i], 1.0, $"entry {i}");
        long ln2Q40 = Table<long>("Ln2Q40");
        Assert.AreEqual(Math.Round(Math.Log(2) * Math.Pow(2, 40)), ln2Q40, 0.0);
        long ln2Q32 = FixedMath.Ln2Q32;
        Assert.AreEqual(Math.Round(Math.Log(2) * Math.Pow(2, 32)), ln2Q32, 0.0);
    }

    [TestMethod]
    public void SqrtTableHoldsRoundedRoots()
    {
        var table = Table<int[]>("SqrtQ24");
        Assert.AreEqual(193, table.Length);
        for (int i = 64; i <= 256; i++)
            Assert.AreEqual(Math.Round(Math.Sqrt(i) * (1 << 24)), table[i - 64], 0.0, $"sqrt({i})");
    }
}
