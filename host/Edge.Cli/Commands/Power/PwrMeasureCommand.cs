using System.CommandLine;
using Edge.Cli.Grammar;
using Edge.Power.Acquisition;
using Edge.Power.Backends;
using Edge.Power.Energy;
using Edge.Power.Samples;
using Edge.Power.Session;

namespace Edge.Cli.Commands.Power;

/// <summary>`edge pwr measure`: one acquisition, summarised as mean current and energy.</summary>
internal static class PwrMeasureCommand
{
    public static Command Build()
    {
        var port = PwrOptions.Port();
        var model = PwrOptions.Model();
        var volt = new Option<double>("--volt") { Description = "Target supply in volts (V3PWR 1.6–3.6, LPM01A 1.8–3.3).", DefaultValueFactory = _ => 3.3 }.Within(1.6, 3.6);
        var freq = new Option<string>("--freq", "-f") { Description = "Sampling rate: 100k, 50k, 20k, 10k, 5k, 2k, 1k, 500, 200, 100, 50, 20, 10, 5, 2, 1.", DefaultValueFactory = _ => "100k" };
        var time = DurationOption.Create("--time", "Acquisition time (2s, 500ms) or inf (until Ctrl+C).", allowInfinite: true, defaultValue: () => TimeSpan.FromSeconds(2));
        time.Aliases.Add("-t");
        var format = new Option<string>("--format") { Description = "Stream format: bin (bin_hexa, needed above 5 kHz for long runs) or ascii (ascii_dec).", DefaultValueFactory = _ => "bin" }
            .AcceptOnlyFromAmong("bin", "ascii");
        var trigger = new Option<string>("--trigger") { Description = "What starts sampling: sw (the start command) or hw (the target's edge on TGI / D7).", DefaultValueFactory = _ => "sw" }
            .AcceptOnlyFromAmong("sw", "hw");
        var threshold = new Option<double?>("--threshold-ma") { Description = "Split the trace into inferences where the current exceeds this (mA) and report energy per inference." }.Positive(500.0);
        var command = new Command("measure",
            "Power the target, acquire its current and print mean current, energy and stream health; with --threshold-ma also " +
            "energy per inference (mean and spread).\n\n" +
            "Examples:\n" +
            "  edge pwr measure --port /dev/ttyACM1 --volt 3.3 --freq 100k --time 2s\n" +
            "  edge pwr measure -p tcp://127.0.0.1:5025 -t 1s --threshold-ma 10\n" +
            "  edge pwr measure -p /dev/ttyACM0 --model lpm01a --freq 1k --format ascii --time inf")
        {
            port, model, volt, freq, time, format, trigger, threshold,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            if (!SamplingRate.TryParse(parse.GetValue(freq), out var rate))
                throw new UserFacingException($"--freq '{parse.GetValue(freq)}' is not a rate the monitor accepts: 100k, 50k, 20k, 10k, 5k, 2k, 1k, 500, 200, 100, 50, 20, 10, 5, 2 or 1", ExitCode.Usage);
            var backend = PowerMonitorBackend.For(PwrOptions.ToModel(parse.GetValue(model)));
            if (parse.GetValue(volt) < backend.MinSupplyVolts || parse.GetValue(volt) > backend.MaxSupplyVolts)
                throw new UserFacingException(FormattableString.Invariant($"--volt {parse.GetValue(volt)}: the {backend.Name} supplies {backend.MinSupplyVolts}–{backend.MaxSupplyVolts} V"), ExitCode.Usage);
            var acquisition = parse.GetValue(time)!.Value;
            var settings = new AcquisitionSettings
            {
                SupplyVolts = parse.GetValue(volt),
                Rate = rate,
                Duration = acquisition == Timeout.InfiniteTimeSpan ? null : acquisition,
                Format = parse.GetValue(format) == "ascii" ? SampleFormat.Ascii : SampleFormat.Binary,
                Trigger = parse.GetValue(trigger) == "hw" ? TriggerSource.Hardware : TriggerSource.Software,
            };
            var options = new PowerMonitorOptions { Model = PwrOptions.ToModel(parse.GetValue(model)) };
            await using var monitor = await PowerMonitor.OpenAsync(parse.GetValue(port)!, options, cancellationToken);
            io.Out.WriteLine($"{monitor.Identity} at {monitor.Address}");
            await monitor.ConfigureAsync(settings);
            await monitor.SetTargetPowerAsync(true);
            io.Out.WriteLine($"measuring: {settings}{(settings.Duration is null ? " (Ctrl+C stops)" : "")}");
            var recorder = new CurrentTraceRecorder(rate, settings.SupplyVolts, (int)Math.Min(int.MaxValue, (settings.Duration?.TotalSeconds ?? 10) * rate.Hertz));
            using var interrupt = Interruption.UntilInterrupted(linked: cancellationToken);
            var summary = await monitor.AcquireAsync(recorder, interrupt.Token);
            Report(io, recorder.ToTrace(), summary, parse.GetValue(threshold));
            return summary.Overcurrent ? ExitCode.DeviceError : ExitCode.Ok;
        });
        return command;
    }

    private static void Report(CommandIo io, CurrentTrace trace, AcquisitionSummary summary, double? thresholdMilliamps)
    {
        double joules = trace.TotalJoules;
        io.Out.WriteLine($"samples        {summary.Samples} ({summary.Seconds:0.######} s)");
        io.Out.WriteLine($"mean current   {trace.MeanAmperes * 1e3:0.####} mA");
        io.Out.WriteLine($"energy         {joules * 1e3:0.####} mJ (mean power {(summary.Seconds > 0 ? joules / summary.Seconds * 1e3 : 0):0.####} mW)");
        io.Out.WriteLine($"stream         {summary.Statistics.CorruptBytes} corrupt bytes, {summary.Statistics.BufferOverflows} buffer overflows, {summary.Statistics.TimestampMismatches} timestamp mismatches, ended by {summary.End}");
        if (thresholdMilliamps is { } threshold)
        {
            var report = EnergyIntegrator.PerInference(trace, PhaseWindows.FromThreshold(trace, threshold / 1000));
            io.Out.WriteLine($"inferences     {report}");
        }
        foreach (var e in trace.Events)
            if (e.Kind is StreamEventKind.Overcurrent or StreamEventKind.TargetPowerDown or StreamEventKind.ErrorMessage or StreamEventKind.Corrupt)
                io.Error.WriteLine($"warning: {e}");
        if (summary.Overcurrent) io.Error.WriteLine("error: the monitor reported an overcurrent and cut the target's supply");
    }
}
