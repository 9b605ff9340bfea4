using Edge.Power.Acquisition;
using Edge.Power.Backends;
using Edge.Power.Energy;
using Edge.Power.Samples;
using Edge.Power.Session;
using Edge.Power.Simulation;

namespace Edge.Power.Tests.Session;

/// <summary>
/// The real driver against the simulator over real transports (loopback TCP, a Linux pty opened
/// with System.IO.Ports): every sample crosses the wire and the real parsers.
/// </summary>
[TestClass]
public sealed class RoundTripTests
{
    public TestContext TestContext { get; set; } = null!;

    public static IEnumerable<object[]> Links =>
    [
        [PowerMonitorModel.StlinkV3Pwr, SampleFormat.Binary, false],
        [PowerMonitorModel.StlinkV3Pwr, SampleFormat.Ascii, false],
        [PowerMonitorModel.Lpm01a, SampleFormat.Binary, false],
        [PowerMonitorModel.Lpm01a, SampleFormat.Ascii, false],
        [PowerMonitorModel.StlinkV3Pwr, SampleFormat.Binary, true],
        [PowerMonitorModel.Lpm01a, SampleFormat.Ascii, true],
    ];

    [TestMethod]
    [DynamicData(nameof(Links))]
    public async Task Energy_per_inference_matches_the_cost_model_within_2_percent(PowerMonitorModel model, SampleFormat format, bool pty)
    {
        if (pty && !OperatingSystem.IsLinux()) Assert.Inconclusive("pseudo-terminals are Linux-only");
        // Noise on every sample and inference edges that do not fall on sample boundaries.
        var profile = SimulatedBench.Profile with { NoiseAmps = 0.0004, Seed = 42 };
        var rate = format == SampleFormat.Binary ? SamplingRate.Hz100k : SamplingRate.FromHertz(5_000);
        await using var bench = await SimulatedBench.OpenAsync(new SimulatorOptions { Model = model, Profile = profile, RealTime = false }, TestContext.CancellationToken, pty);
        var monitor = bench.Monitor;
        var settings = new AcquisitionSettings { SupplyVolts = 3.0, Rate = rate, Duration = TimeSpan.FromSeconds(1), Format = format };
        await monitor.ConfigureAsync(settings, TestContext.CancellationToken);
        var recorder = new CurrentTraceRecorder(rate, settings.SupplyVolts);

        var summary = await monitor.AcquireAsync(recorder, TestContext.CancellationToken);

        var trace = recorder.ToTrace();
        Assert.AreEqual(rate.Hertz, summary.Samples, "one second of samples");
        Assert.AreEqual(AcquisitionEnd.EndMarker, summary.End);
        Assert.AreEqual(0, summary.Statistics.CorruptBytes);
        Assert.AreEqual(0, summary.Statistics.TimestampMismatches);
        Assert.AreEqual(rate.Hertz / 1000, summary.Statistics.Events - 1 - trace.Events.Count(e => e.Kind != StreamEventKind.DeviceTimestamp && e.Kind != StreamEventKind.EndOfAcquisition),
            "a device timestamp every 1000 samples");
        var windows = PhaseWindows.FromThreshold(trace, (profile.IdleAmps + profile.ActiveAmps) / 2);
        var report = EnergyIntegrator.PerInference(trace, windows);
        double expected = profile.InferenceEnergy(settings.SupplyVolts);
        int wholeInferences = (int)Math.Floor((1.0 - profile.FirstInferenceSeconds - profile.InferenceSeconds) / profile.PeriodSeconds) + 1;
        Assert.AreEqual(wholeInferences, report.Count);
        Assert.AreEqual(expected, report.MeanJoules, expected * 0.02, $"{report} vs {expected * 1e6:0.###} µJ");
        Assert.IsLessThan(0.02, report.RelativeSpread);
        // The mean current over the whole trace matches the cost model's duty cycle too.
        double activeShare = wholeInferences * profile.InferenceSeconds;
        double expectedMean = (profile.ActiveAmps * activeShare + profile.IdleAmps * (1.0 - activeShare)) / 1.0;
        Assert.AreEqual(expectedMean, trace.MeanAmperes, expectedMean * 0.02);
    }

    [TestMethod]
    public async Task Identity_version_temperature_power_and_reset_are_acknowledged()
    {
        await using var bench = await SimulatedBench.OpenAsync(new SimulatorOptions { BoardId = "0037002A", FirmwareVersion = "2.1.0" }, TestContext.CancellationToken);
        var monitor = bench.Monitor;
        Assert.AreEqual("0037002A", monitor.Identity.BoardId);
        Assert.AreEqual("2.1.0", monitor.Identity.FirmwareVersion);
        Assert.AreEqual(25, await monitor.ReadTemperatureAsync(TestContext.CancellationToken));
        await monitor.SetTargetPowerAsync(true, TestContext.CancellationToken);
        await monitor.ResetTargetAsync(TimeSpan.FromMilliseconds(20), TestContext.CancellationToken);
        await monitor.SetTargetPowerAsync(false, TestContext.CancellationToken);
    }

    [TestMethod]
    [DataRow(PowerMonitorModel.StlinkV3Pwr, SampleFormat.Binary)]
    [DataRow(PowerMonitorModel.Lpm01a, SampleFormat.Binary)]
    [DataRow(PowerMonitorModel.Lpm01a, SampleFormat.Ascii)]
    public async Task Unlimited_acquisition_runs_until_stopped_and_keeps_every_sample(PowerMonitorModel model, SampleFormat format)
    {
        await using var bench = await SimulatedBench.OpenAsync(new SimulatorOptions { Model = model, Profile = SimulatedBench.Profile, RealTime = true }, TestContext.CancellationToken);
        var monitor = bench.Monitor;
        await monitor.ConfigureAsync(new AcquisitionSettings { Rate = SamplingRate.FromHertz(5_000), Duration = null, Format = format }, TestContext.CancellationToken);
        var sink = new RecordingSink();

        var run = await monitor.StartAcquisitionAsync(sink, TestContext.CancellationToken);
        Assert.IsTrue(await run.SamplesAsync(1500, TestContext.CancellationToken), "the samples arrive before the acquisition ends");
        var summary = await run.StopAsync(TestContext.CancellationToken);

        Assert.AreEqual(AcquisitionEnd.EndMarker, summary.End);
        Assert.IsGreaterThanOrEqualTo(1500L, summary.Samples);
        Assert.AreEqual(summary.Samples, sink.Samples.Count);
        for (int i = 1; i < sink.Samples.Count; i++) Assert.AreEqual(i / 5_000.0, sink.Samples[i].Seconds, 1e-9);
        // The session is usable again at once.
        Assert.AreEqual(25, await monitor.ReadTemperatureAsync(TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task Waiting_for_more_samples_than_an_acquisition_holds_ends_with_it()
    {
        await using var bench = await SimulatedBench.OpenAsync(new SimulatorOptions { Model = PowerMonitorModel.StlinkV3Pwr, Profile = SimulatedBench.Profile }, TestContext.CancellationToken);
        await bench.Monitor.ConfigureAsync(new AcquisitionSettings { Rate = SamplingRate.FromHertz(5_000), Duration = TimeSpan.FromSeconds(0.2) }, TestContext.CancellationToken);
        var run = await bench.Monitor.StartAcquisitionAsync(new RecordingSink(), TestContext.CancellationToken);

        // 1000 samples arrive; the 1001st never does: the wait ends with the acquisition, not with a timeout.
        Assert.IsTrue(await run.SamplesAsync(1000, TestContext.CancellationToken));
        Assert.IsFalse(await run.SamplesAsync(1001, TestContext.CancellationToken));
        Assert.AreEqual(1000, (await run.Completion).Samples);
        Assert.IsFalse(await run.SamplesAsync(1001, TestContext.CancellationToken), "asked after the end");
    }

    [TestMethod]
    public async Task Hardware_trigger_starts_the_trace_at_the_targets_first_edge()
    {
        var profile = SimulatedBench.Profile;
        await using var bench = await SimulatedBench.OpenAsync(new SimulatorOptions { Profile = profile, RealTime = false }, TestContext.CancellationToken);
        var monitor = bench.Monitor;
        var settings = new AcquisitionSettings { Rate = SamplingRate.Hz100k, Duration = TimeSpan.FromMilliseconds(200), Trigger = TriggerSource.Hardware };
        await monitor.ConfigureAsync(settings, TestContext.CancellationToken);
        var recorder = new CurrentTraceRecorder(settings.Rate, settings.SupplyVolts);
        await monitor.AcquireAsync(recorder, TestContext.CancellationToken);
        var trace = recorder.ToTrace();

        // The board's own edge log, aligned by the trigger, finds the same windows the current shows.
        var edges = PhaseWindows.AlignToHardwareTrigger(profile.EdgesBetween(0, 1), settings.TriggerDelay);
        var fromEdges = EnergyIntegrator.PerInference(trace, PhaseWindows.FromEdges(edges.Where(e => e.Seconds < trace.DurationSeconds)));
        Assert.AreEqual(profile.ActiveAmps, trace.Amperes[0], profile.ActiveAmps / 256, "sampling began inside the first inference");
        Assert.AreEqual(profile.InferenceEnergy(settings.SupplyVolts), fromEdges.MeanJoules, profile.InferenceEnergy(settings.SupplyVolts) * 0.02);
    }

    [TestMethod]
    public async Task Lpm01a_event_markers_delimit_inferences()
    {
        var profile = SimulatedBench.Profile;
        await using var bench = await SimulatedBench.OpenAsync(new SimulatorOptions { Model = PowerMonitorModel.Lpm01a, Profile = profile, RealTime = false }, TestContext.CancellationToken);
        var monitor = bench.Monitor;
        var settings = new AcquisitionSettings { Rate = SamplingRate.FromHertz(5_000), Duration = TimeSpan.FromSeconds(1), Format = SampleFormat.Ascii };
        await monitor.ConfigureAsync(settings, TestContext.CancellationToken);
        await monitor.SendAsync(new Edge.Power.Protocol.PowerCommand("eventsrc d7 ris"), TestContext.CancellationToken);
        var recorder = new CurrentTraceRecorder(settings.Rate, settings.SupplyVolts);
        await monitor.AcquireAsync(recorder, TestContext.CancellationToken);
        var trace = recorder.ToTrace();

        var markers = trace.Events.Where(e => e.Kind == StreamEventKind.TriggerMarker).ToList();
        int expectedStarts = (int)Math.Floor((1.0 - profile.FirstInferenceSeconds) / profile.PeriodSeconds) + 1;
        Assert.HasCount(expectedStarts, markers);
        CollectionAssert.AreEqual(Enumerable.Range(1, markers.Count).Select(i => (long)(i % 100)).ToArray(), markers.Select(m => m.Value).ToArray(), "consecutive counters");
        // Markers are inference starts: the window between two is one period (MLPerf: per-inference = window / count).
        var windows = PhaseWindows.FromMarkers(trace);
        double perPeriod = settings.SupplyVolts * (profile.ActiveAmps * profile.InferenceSeconds + profile.IdleAmps * (profile.PeriodSeconds - profile.InferenceSeconds));
        Assert.AreEqual(perPeriod, EnergyIntegrator.PerInference(trace, windows).MeanJoules, perPeriod * 0.02);
    }
}
