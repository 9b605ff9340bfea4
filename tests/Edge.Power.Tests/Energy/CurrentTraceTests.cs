using Edge.Power.Acquisition;
using Edge.Power.Energy;
using Edge.Power.Samples;

namespace Edge.Power.Tests.Energy;

/// <summary>The trace the energy figures are computed from: what it holds, and integrals of a few samples worked out by hand.</summary>
[TestClass]
public sealed class CurrentTraceTests
{
    [TestMethod]
    public void HoldsOnlyTheCountedSamples()
    {
        var trace = new CurrentTrace(100, 3.3, [1, 2, 3, 99], 3, []);
        CollectionAssert.AreEqual(new float[] { 1, 2, 3 }, trace.Amperes.ToArray());
        Assert.AreEqual(2.0, trace.MeanAmperes, 1e-12, "(1 + 2 + 3) / 3; the fourth slot is not a sample");
        Assert.AreEqual(0.03, trace.DurationSeconds, 1e-12);
        Assert.AreEqual(3.3 * 6 * 0.01, trace.TotalJoules, 1e-12);
    }

    [TestMethod]
    public void AnEmptyTraceHasNoEnergy()
    {
        var trace = new CurrentTrace(100, 3.3, [], 0, []);
        Assert.AreEqual(0, trace.MeanAmperes);
        Assert.AreEqual(0, EnergyIntegrator.Coulombs(trace, -1, 1));
    }

    [TestMethod]
    public void RefusesARateOfZeroAndACountBeyondTheSamples()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CurrentTrace(0, 1, [1], 1, []));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CurrentTrace(10, 1, [1], 2, []));
    }

    [TestMethod]
    public void AWindowInsideOneSampleTakesThatSampleTimesItsLength()
    {
        // 10 Hz: samples cover [0, 0.1), [0.1, 0.2), [0.2, 0.3) with 1, 2, 4 A.
        var trace = new CurrentTrace(10, 1, [1, 2, 4], 3, []);
        Assert.AreEqual(2 * 0.05, EnergyIntegrator.Coulombs(trace, 0.12, 0.17), 1e-12);
        Assert.AreEqual(2 * 0.1, EnergyIntegrator.Coulombs(trace, 0.1, 0.2), 1e-12, "exactly one sample");
        Assert.AreEqual(1 * 0.05 + 2 * 0.1 + 4 * 0.05, EnergyIntegrator.Coulombs(trace, 0.05, 0.25), 1e-12);
        Assert.AreEqual(0, EnergyIntegrator.Coulombs(trace, 0.15, 0.15), "an empty window");
        Assert.AreEqual(0, EnergyIntegrator.Coulombs(trace, 0.3, 0.5), "after the last sample");
    }

    [TestMethod]
    public void PerInferenceEnergyNeedsAPositiveCount() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => EnergyIntegrator.JoulesPerInference(new CurrentTrace(10, 1, [1], 1, []), new PhaseWindow(0, 0.1), 0));

    [TestMethod]
    public void ReportSpreadIsStandardDeviationOverMean()
    {
        var report = InferenceEnergyReport.From([1.0, 2.0, 3.0], [0.1, 0.2, 0.3]);
        Assert.AreEqual((3, 2.0, 1.0, 1.0, 3.0), (report.Count, report.MeanJoules, report.StandardDeviationJoules, report.MinJoules, report.MaxJoules));
        Assert.AreEqual(0.2, report.MeanSeconds, 1e-12);
        Assert.AreEqual(0.5, report.RelativeSpread, 1e-12, "sample SD 1 over mean 2");
        Assert.AreEqual(0, InferenceEnergyReport.From([5.0], [1.0]).RelativeSpread, "one inference has no spread");
        Assert.AreEqual(0, InferenceEnergyReport.From([5.0], [1.0]).StandardDeviationJoules);
        Assert.AreEqual(0, InferenceEnergyReport.From([0.0, 0.0], [1.0, 1.0]).RelativeSpread, "no energy: no spread rather than NaN");
        var empty = InferenceEnergyReport.From([], []);
        Assert.AreEqual(0, empty.Count);
        Assert.AreEqual(0, empty.Joules.Count);
    }

    [TestMethod]
    public void ReportTextIsTheSameInEveryCulture()
    {
        var report = InferenceEnergyReport.From([1.5e-6, 2.5e-6], [0.0015, 0.0025]);
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.AreEqual("2 inferences: 2 µJ ± 0.707 µJ (min 1.5, max 2.5), 2 ms each", report.ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [TestMethod]
    public void TheRecorderKeepsEverySampleAcrossGrowth()
    {
        var recorder = new CurrentTraceRecorder(SamplingRate.Hz1k, 3.3, expectedSamples: 10);
        var expected = new List<float>();
        for (int chunk = 0; chunk < 5; chunk++)
        {
            var samples = Enumerable.Range(0, 700).Select(i => new CurrentSample(0, (chunk * 700 + i) * 1e-6)).ToArray();
            recorder.OnSamples(samples);
            expected.AddRange(samples.Select(s => (float)s.Amperes));
        }
        recorder.OnEvent(new StreamEvent(StreamEventKind.TriggerMarker, 5, 0.005, Text: "ris"));
        var trace = recorder.ToTrace();
        Assert.AreEqual(3500, recorder.Count);
        CollectionAssert.AreEqual(expected, trace.Amperes.ToArray());
        Assert.AreEqual(1000, trace.SampleRateHertz);
        Assert.AreEqual(3.3, trace.SupplyVolts);
        Assert.AreEqual("ris", trace.Events.Single().Text);
    }
}
