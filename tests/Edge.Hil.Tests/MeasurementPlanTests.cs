using System.Globalization;
using Edge.Hil.Plan;
using Edge.Power.Samples;

namespace Edge.Hil.Tests;

/// <summary>
/// The plan's range checks at each boundary (one tick or one count either side) and its canonical
/// text, which every cell's input hash contains: the expected strings are written out by hand.
/// </summary>
[TestClass]
public sealed class MeasurementPlanTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    [TestMethod]
    public void TheDefaultsHaveNoProblem() => Assert.IsNull(new MeasurementPlan().Problem());

    [TestMethod]
    public void EachCountIsCheckedAtItsBoundary()
    {
        var plan = new MeasurementPlan();
        Assert.IsNull((plan with { Warmup = 0 }).Problem());
        Assert.AreEqual("warmup must be 0 or more", (plan with { Warmup = -1 }).Problem());
        Assert.IsNull((plan with { Inferences = 1 }).Problem());
        Assert.AreEqual("inferences must be at least 1", (plan with { Inferences = 0 }).Problem());
        Assert.IsNull((plan with { Warmup = 5, Inferences = 65_530 }).Problem(), "65535 inferences in all fit the board's u16 count");
        Assert.AreEqual("at most 65535 inferences per cell", (plan with { Warmup = 6, Inferences = 65_530 }).Problem());
        Assert.IsNull((plan with { AccuracyRows = 1 }).Problem());
        Assert.AreEqual("accuracy-rows must be at least 1", (plan with { AccuracyRows = 0 }).Problem());
        Assert.IsNull((plan with { Retries = 0 }).Problem());
        Assert.AreEqual("retries must be 0 or more", (plan with { Retries = -1 }).Problem());
    }

    [TestMethod]
    public void EachDurationIsCheckedAtItsBoundary()
    {
        var plan = new MeasurementPlan();
        const string timeout = "cell-timeout must be positive and at most 24h";
        Assert.AreEqual(timeout, (plan with { CellTimeout = TimeSpan.Zero }).Problem());
        Assert.IsNull((plan with { CellTimeout = Tick }).Problem());
        Assert.IsNull((plan with { CellTimeout = Day }).Problem());
        Assert.AreEqual(timeout, (plan with { CellTimeout = Day + Tick }).Problem());

        const string longest = "boot-time, settle and tail must be at most 24h";
        Assert.IsNull((plan with { BootTime = Day, Settle = Day, Tail = Day }).Problem());
        Assert.AreEqual(longest, (plan with { BootTime = Day + Tick }).Problem());
        Assert.AreEqual(longest, (plan with { Settle = Day + Tick }).Problem());
        Assert.AreEqual(longest, (plan with { Tail = Day + Tick }).Problem());

        const string negative = "settle and tail cannot be negative";
        Assert.IsNull((plan with { Settle = TimeSpan.Zero, Tail = TimeSpan.Zero }).Problem());
        Assert.AreEqual(negative, (plan with { Settle = -Tick }).Problem());
        Assert.AreEqual(negative, (plan with { Tail = -Tick }).Problem());

        const string powerOff = "power-off must be 10ms .. 1s (the monitor's targrst range)";
        Assert.IsNull((plan with { PowerOffTime = TimeSpan.FromMilliseconds(10) }).Problem());
        Assert.IsNull((plan with { PowerOffTime = TimeSpan.FromSeconds(1) }).Problem());
        Assert.AreEqual(powerOff, (plan with { PowerOffTime = TimeSpan.FromMilliseconds(10) - Tick }).Problem());
        Assert.AreEqual(powerOff, (plan with { PowerOffTime = TimeSpan.FromSeconds(1) + Tick }).Problem());
        Assert.AreEqual(Day, MeasurementPlan.MaxCellTimeout);
    }

    [TestMethod]
    public void TheCanonicalTextSpellsOutEveryFigureThatShapesTheResults()
    {
        // 20 ms = 200 000 ticks of 100 ns, 5 ms = 50 000.
        Assert.AreEqual("warmup=2;inferences=10;rate=100000;settle=200000;tail=50000;rows=500;threshold=0.5", new MeasurementPlan().Canonical);
        var other = new MeasurementPlan
        {
            Warmup = 0, Inferences = 3, Rate = SamplingRate.FromHertz(1000), Settle = TimeSpan.FromMilliseconds(1),
            Tail = TimeSpan.Zero, AccuracyRows = 7, DecisionThreshold = 0.1,
            // the limits are not part of it
            Retries = 9, CellTimeout = TimeSpan.FromMinutes(1), PowerOffTime = TimeSpan.FromSeconds(1), BootTime = TimeSpan.Zero,
        };
        Assert.AreEqual("warmup=0;inferences=3;rate=1000;settle=10000;tail=0;rows=7;threshold=0.1", other.Canonical);
    }

    [TestMethod]
    public void TheCanonicalTextDoesNotDependOnTheCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            StringAssert.EndsWith(new MeasurementPlan { DecisionThreshold = 0.25 }.Canonical, ";threshold=0.25");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
