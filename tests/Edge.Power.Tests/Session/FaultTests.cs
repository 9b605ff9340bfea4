using Edge.Power.Acquisition;
using Edge.Power.Backends;
using Edge.Power.Energy;
using Edge.Power.Errors;
using Edge.Power.Samples;
using Edge.Power.Session;
using Edge.Power.Simulation;

namespace Edge.Power.Tests.Session;

/// <summary>What the driver does when the monitor misbehaves: clear errors, or recovery by retry; never a hang or a crash.</summary>
[TestClass]
public sealed class FaultTests
{
    public TestContext TestContext { get; set; } = null!;

    private static readonly AcquisitionSettings OneSecondBinary = new() { Rate = SamplingRate.Hz100k, Duration = TimeSpan.FromSeconds(1) };

    private Task<BenchSession> OpenAsync(SimulatorFaults faults, bool pty = false, PowerMonitorModel model = PowerMonitorModel.StlinkV3Pwr, bool realTime = false) =>
        SimulatedBench.OpenAsync(new SimulatorOptions { Model = model, Profile = SimulatedBench.Profile, Faults = faults, RealTime = realTime }, TestContext.CancellationToken, pty);

    [TestMethod]
    public async Task Connection_dropped_mid_acquisition_fails_with_the_address_and_keeps_the_samples_so_far()
    {
        await using var bench = await OpenAsync(new SimulatorFaults { DropAtSeconds = 0.4 });
        var monitor = bench.Monitor;
        await monitor.ConfigureAsync(OneSecondBinary, TestContext.CancellationToken);
        var sink = new RecordingSink();

        var error = await Assert.ThrowsExactlyAsync<MonitorDisconnectedException>(() => monitor.AcquireAsync(sink, TestContext.CancellationToken));

        StringAssert.Contains(error.Message, bench.Host.Address);
        StringAssert.Contains(error.Message, "during the acquisition");
        Assert.AreEqual(40_000, sink.Samples.Count, "every sample sent before the drop was delivered");
        await Assert.ThrowsExactlyAsync<MonitorDisconnectedException>(() => monitor.ReadTemperatureAsync(TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task Pty_hang_up_mid_acquisition_is_reported_as_a_lost_connection()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("pseudo-terminals are Linux-only");
        await using var bench = await OpenAsync(new SimulatorFaults { DropAtSeconds = 0.25 }, pty: true);
        var monitor = bench.Monitor;
        await monitor.ConfigureAsync(OneSecondBinary, TestContext.CancellationToken);
        var sink = new RecordingSink();

        var error = await Assert.ThrowsExactlyAsync<MonitorDisconnectedException>(() => monitor.AcquireAsync(sink, TestContext.CancellationToken));

        StringAssert.Contains(error.Message, "/dev/pts/");
        // A hang-up discards what the terminal still buffered (as unplugging a USB monitor loses
        // what was in flight), so only an upper bound holds; what did arrive is in order.
        Assert.IsLessThanOrEqualTo(25_000, sink.Samples.Count);
        Assert.IsGreaterThan(0, sink.Samples.Count);
        for (int i = 0; i < sink.Samples.Count; i++) Assert.AreEqual(i * 1e-5, sink.Samples[i].Seconds, 1e-9);
    }

    [TestMethod]
    public async Task Garbage_in_the_binary_stream_is_counted_and_decoding_recovers()
    {
        await using var bench = await OpenAsync(new SimulatorFaults { GarbageAtSeconds = 0.5, GarbageBytes = 37 });
        var monitor = bench.Monitor;
        await monitor.ConfigureAsync(OneSecondBinary, TestContext.CancellationToken);
        var recorder = new CurrentTraceRecorder(OneSecondBinary.Rate, OneSecondBinary.SupplyVolts);

        var summary = await monitor.AcquireAsync(recorder, TestContext.CancellationToken);

        Assert.IsGreaterThan(0L, summary.Statistics.CorruptBytes);
        Assert.IsLessThanOrEqualTo(37L + 2 * 1000, summary.Statistics.CorruptBytes, "misaligned at most until the next timestamp frame");
        Assert.AreEqual(AcquisitionEnd.EndMarker, summary.End);
        var trace = recorder.ToTrace();
        Assert.IsTrue(trace.Events.Any(e => e.Kind == StreamEventKind.Corrupt), "the corrupt run is reported where it happened");
        // From the first timestamp after the garbage on, the trace is exact again.
        var stampAfter = trace.Events.First(e => e.Kind == StreamEventKind.DeviceTimestamp && e.Seconds > 0.5);
        var windows = PhaseWindows.FromThreshold(trace, 0.013).Where(w => w.Start > stampAfter.Seconds).ToList();
        var report = EnergyIntegrator.PerInference(trace, windows);
        double expected = SimulatedBench.Profile.InferenceEnergy(OneSecondBinary.SupplyVolts);
        Assert.AreEqual(expected, report.MeanJoules, expected * 0.02);
    }

    [TestMethod]
    public async Task Garbage_in_the_ascii_stream_costs_at_most_the_sample_it_hit()
    {
        var settings = new AcquisitionSettings { Rate = SamplingRate.FromHertz(5_000), Duration = TimeSpan.FromSeconds(1), Format = SampleFormat.Ascii };
        await using var bench = await OpenAsync(new SimulatorFaults { GarbageAtSeconds = 0.3, GarbageBytes = 16 });
        var monitor = bench.Monitor;
        await monitor.ConfigureAsync(settings, TestContext.CancellationToken);
        var sink = new RecordingSink();

        var summary = await monitor.AcquireAsync(sink, TestContext.CancellationToken);

        Assert.IsGreaterThan(0L, summary.Statistics.CorruptBytes);
        Assert.IsGreaterThanOrEqualTo(4_999L, summary.Samples);
    }

    [TestMethod]
    public async Task A_command_without_answer_times_out_naming_the_command()
    {
        await using var bench = await OpenAsync(new SimulatorFaults { NoAnswerTo = "freq", NoAnswerTimes = 0 });
        var monitor = bench.Monitor;

        var error = await Assert.ThrowsExactlyAsync<CommandTimeoutException>(() => monitor.ConfigureAsync(OneSecondBinary, TestContext.CancellationToken));

        Assert.AreEqual("freq 100k", error.Command.Text);
        StringAssert.Contains(error.Message, "'freq 100k'");
        StringAssert.Contains(error.Message, "STLINK-V3PWR");
    }

    [TestMethod]
    public async Task A_command_answered_on_the_second_try_recovers_by_retry()
    {
        await using var bench = await OpenAsync(new SimulatorFaults { NoAnswerTo = "acqtime", NoAnswerTimes = 1 });
        var monitor = bench.Monitor;
        await monitor.ConfigureAsync(OneSecondBinary, TestContext.CancellationToken);
        var summary = await monitor.AcquireAsync(new RecordingSink(), TestContext.CancellationToken);
        Assert.AreEqual(100_000, summary.Samples);
    }

    [TestMethod]
    public async Task A_monitor_that_never_answers_fails_the_open_with_a_hint()
    {
        await using var host = SimulatedBench.Start(new SimulatorOptions { Faults = new SimulatorFaults { NoAnswerTo = "*", NoAnswerTimes = 0 } });
        var error = await Assert.ThrowsAsync<PowerMonitorException>(() => PowerMonitor.OpenAsync(host.Address, SimulatedBench.Driver(PowerMonitorModel.StlinkV3Pwr), TestContext.CancellationToken));
        StringAssert.Contains(error.Message, "'power_monitor'");
        Assert.IsInstanceOfType<CommandTimeoutException>(error.InnerException);
    }

    [TestMethod]
    public async Task A_buffer_overflow_is_counted_at_the_first_device_timestamp_after_it()
    {
        // Timestamps come every 1000 samples (10 ms at 100 kHz): an overflow at 25 ms is flagged on the one at 30 ms, once.
        await using var bench = await OpenAsync(new SimulatorFaults { OverflowAtSeconds = 0.025 });
        var monitor = bench.Monitor;
        await monitor.ConfigureAsync(OneSecondBinary with { Duration = TimeSpan.FromMilliseconds(100) }, TestContext.CancellationToken);
        var sink = new RecordingSink();

        var summary = await monitor.AcquireAsync(sink, TestContext.CancellationToken);

        Assert.AreEqual(1L, summary.Statistics.BufferOverflows);
        var flagged = sink.Of(StreamEventKind.DeviceTimestamp).Where(e => e.Flag).ToList();
        Assert.AreEqual(1, flagged.Count);
        Assert.AreEqual(30L, flagged[0].Value, "device milliseconds of the flagged timestamp");
        Assert.AreEqual(3000L, flagged[0].SampleIndex);
        Assert.AreEqual(10_000, summary.Samples, "no sample is lost to the flag");
        Assert.AreEqual(0L, summary.Statistics.TimestampMismatches + summary.Statistics.CorruptBytes);
    }

    [TestMethod]
    public async Task Overcurrent_is_reported_and_ends_the_acquisition()
    {
        await using var bench = await OpenAsync(new SimulatorFaults { OvercurrentAtSeconds = 0.2 });
        var monitor = bench.Monitor;
        await monitor.ConfigureAsync(OneSecondBinary, TestContext.CancellationToken);
        var sink = new RecordingSink();

        var summary = await monitor.AcquireAsync(sink, TestContext.CancellationToken);

        Assert.IsTrue(summary.Overcurrent);
        Assert.IsTrue(summary.TargetPoweredDown);
        Assert.AreEqual(20_000, sink.Of(StreamEventKind.Overcurrent).Single().SampleIndex);
        Assert.AreEqual(20_000, summary.Samples);
    }

    [TestMethod]
    public async Task A_monitor_still_streaming_from_an_earlier_run_is_stopped_on_open()
    {
        // Driver and simulator run on one fake clock that moves only while the driver reads or the
        // line is provably quiet, so "still streaming" and "silent after stop" do not depend on
        // how busy the machine is (this test was flaky on the wall clock).
        var clock = new QuietLineClock();
        await using var host = SimulatedBench.Start(new SimulatorOptions
        {
            Profile = SimulatedBench.Profile, Faults = new SimulatorFaults { StaleStreamOnConnect = true },
            RealTime = true, Time = clock.Time, Activity = clock.Activity,
        });
        var log = new Microsoft.Extensions.Logging.Testing.FakeLogger();
        var options = SimulatedBench.Driver(PowerMonitorModel.StlinkV3Pwr) with { Time = clock.Time, Activity = clock.Activity, Logger = log };

        var summary = await clock.RunAsync(async () =>
        {
            await using var monitor = await PowerMonitor.OpenAsync(host.Address, options, TestContext.CancellationToken);
            await monitor.ConfigureAsync(OneSecondBinary with { Duration = TimeSpan.FromMilliseconds(100) }, TestContext.CancellationToken);
            return await monitor.AcquireAsync(new RecordingSink(), TestContext.CancellationToken);
        });

        Assert.IsTrue(log.Collector.GetSnapshot().Any(r => r.Level == Microsoft.Extensions.Logging.LogLevel.Warning && r.Message.Contains("is still streaming from an earlier run; sending stop")), "the stale stream was seen streaming");
        Assert.AreEqual(10_000, summary.Samples);
        Assert.AreEqual(AcquisitionEnd.EndMarker, summary.End);
        Assert.AreEqual(0, summary.Statistics.CorruptBytes);
    }

    [TestMethod]
    public async Task Banner_residue_and_a_garbled_first_command_are_overcome()
    {
        await using var bench = await OpenAsync(new SimulatorFaults { ResidueOnConnect = true }, model: PowerMonitorModel.Lpm01a);
        var monitor = bench.Monitor;
        Assert.AreEqual("SIM0001", monitor.Identity.BoardId);
    }

    [TestMethod]
    public async Task Out_of_range_settings_are_rejected_by_the_monitor_with_its_detail()
    {
        await using var bench = await OpenAsync(SimulatorFaults.None);
        var monitor = bench.Monitor;
        var error = await Assert.ThrowsExactlyAsync<CommandRejectedException>(() => monitor.SendAsync(new Edge.Power.Protocol.PowerCommand("volt 5000m"), TestContext.CancellationToken));
        StringAssert.Contains(error.Message, "'volt 5000m'");
        StringAssert.Contains(error.Message, "out of range");
        // The driver checks what it knows before sending.
        await Assert.ThrowsExactlyAsync<PowerMonitorException>(() => monitor.ConfigureAsync(OneSecondBinary with { SupplyVolts = 5 }, TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task Lpm01a_refuses_long_fast_ascii_before_sending_anything()
    {
        await using var bench = await OpenAsync(SimulatorFaults.None, model: PowerMonitorModel.Lpm01a);
        var monitor = bench.Monitor;
        var error = await Assert.ThrowsExactlyAsync<PowerMonitorException>(() => monitor.ConfigureAsync(
            new AcquisitionSettings { Rate = SamplingRate.FromHertz(10_000), Duration = TimeSpan.FromSeconds(2), Format = SampleFormat.Ascii }, TestContext.CancellationToken));
        StringAssert.Contains(error.Message, "at most 1 s");
    }

    [TestMethod]
    public async Task Nothing_listening_is_a_clear_connection_error()
    {
        var error = await Assert.ThrowsExactlyAsync<MonitorDisconnectedException>(() => PowerMonitor.OpenAsync("tcp://127.0.0.1:1", SimulatedBench.Driver(PowerMonitorModel.StlinkV3Pwr), TestContext.CancellationToken));
        StringAssert.Contains(error.Message, "tcp://127.0.0.1:1");
        var missing = await Assert.ThrowsExactlyAsync<MonitorDisconnectedException>(() => PowerMonitor.OpenAsync("/dev/does-not-exist-v3pwr", SimulatedBench.Driver(PowerMonitorModel.StlinkV3Pwr), TestContext.CancellationToken));
        StringAssert.Contains(missing.Message, "/dev/does-not-exist-v3pwr");
    }

    [TestMethod]
    public async Task Commands_are_refused_while_acquiring()
    {
        await using var bench = await OpenAsync(SimulatorFaults.None, realTime: true);
        var monitor = bench.Monitor;
        await monitor.ConfigureAsync(OneSecondBinary with { Duration = null, Rate = SamplingRate.FromHertz(1_000) }, TestContext.CancellationToken);
        var run = await monitor.StartAcquisitionAsync(new RecordingSink(), TestContext.CancellationToken);
        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => monitor.ReadTemperatureAsync(TestContext.CancellationToken));
        await run.StopAsync(TestContext.CancellationToken);
    }
}
