using Edge.Hil.Results;
using Edge.Power.Energy;
using Edge.TestSupport;

namespace Edge.Hil.Tests;

[TestClass]
public sealed class TraceFileTests
{
    [TestMethod]
    public async Task ATraceRoundTripsWithItsWindowsAndIntegral()
    {
        // 1 kHz, 3.3 V: 10 mA for 100 samples, then 50 mA for 50, then 10 mA: 0.1 s at 10 mA plus 0.05 s at 50 mA.
        var amperes = Enumerable.Repeat(0.010f, 100).Concat(Enumerable.Repeat(0.050f, 50)).Concat(Enumerable.Repeat(0.010f, 100)).ToArray();
        var trace = new CurrentTrace(1000, 3.3, amperes, amperes.Length, []);
        var windows = new[] { new PhaseWindow(0.1, 0.15), new PhaseWindow(0.2, 0.2105) };
        string path = Path.Combine(RepoPaths.TempDirectory("hil-trace"), "t.parquet");
        await TraceFile.WriteAsync(path, trace, windows, "cell");
        var back = await TraceFile.ReadAsync(path);
        Assert.AreEqual(250, back.Trace.Count);
        Assert.AreEqual((1000.0, 3.3), (back.Trace.SampleRateHertz, back.Trace.SupplyVolts));
        CollectionAssert.AreEqual(windows, back.Measured.ToArray());
        Assert.AreEqual(3.3 * 0.050f * 0.05, EnergyIntegrator.Joules(back.Trace, back.Measured[0]), 1e-12);
        Assert.AreEqual(3.3 * (0.010f * 0.2 + 0.050f * 0.05), back.Trace.TotalJoules, 1e-9);
        var table = Edge.Data.TableReader.Read(path);
        Assert.AreEqual(0.149, table.Numbers("seconds")[149], 1e-12, "seconds is each sample's start");
    }
}
