using System.CommandLine;
using System.Net;
using Edge.Cli.Grammar;
using Edge.Power.Backends;
using Edge.Power.Simulation;
using Edge.Transport;

namespace Edge.Cli.Commands.Power;

/// <summary>`edge pwr sim`: a simulated monitor on TCP or a pseudo-terminal, until Ctrl+C.</summary>
internal static class PwrSimCommand
{
    public const string DefaultListen = "tcp://127.0.0.1:5025";

    public static Command Build()
    {
        var listen = new Option<string>("--listen", "-l") { Description = "Serve on tcp://HOST:PORT (port 0 picks a free one).", DefaultValueFactory = _ => DefaultListen };
        var pty = new Option<bool>("--pty") { Description = "Serve on a Linux pseudo-terminal instead; its /dev/pts path is printed (open it like a serial port)." };
        var model = PwrOptions.Model();
        var faults = new Option<string?>("--faults") { Description = "Faults to inject: garbage@TIME[*BYTES], drop@TIME, overcurrent@TIME, overflow@TIME, no-answer[:COMMAND][*TIMES], stale-stream, residue; comma-separated. TIME is into an acquisition (500ms, 2s)." };
        // Currents may exceed the monitor's range on purpose: the simulator then reports an overcurrent as the monitor would.
        var idle = new Option<double>("--idle-ma") { Description = "Target current between inferences, mA.", DefaultValueFactory = _ => 2 }.Within(0.0, 10_000);
        var active = new Option<double>("--active-ma") { Description = "Target current during an inference, mA.", DefaultValueFactory = _ => 25 }.Within(0.0, 10_000);
        var inference = new Option<double>("--inference-ms") { Description = "Duration of one inference, ms.", DefaultValueFactory = _ => 5 }.Positive(60_000.0);
        var period = new Option<double>("--period-ms") { Description = "Time from one inference start to the next, ms.", DefaultValueFactory = _ => 20 }.Positive(3_600_000.0);
        var noise = new Option<double>("--noise-ma") { Description = "Uniform noise on every sample, ± mA.", DefaultValueFactory = _ => 0 }.Within(0.0, 10_000);
        var fast = new Option<bool>("--fast") { Description = "Stream as fast as the client reads instead of in real time." };
        var seed = new Option<int>("--seed") { Description = "Seed for noise and garbage bytes.", DefaultValueFactory = _ => 1 }.Unbounded("any whole number");
        var duration = DurationOption.Create("--for", "Stop after this long (e.g. 30s, 5m); default: until Ctrl+C.");
        var command = new Command("sim",
            "Run a simulated STLINK-V3PWR or LPM01A that speaks the monitor's command language and streams a target's current " +
            "(idle, and periodic inferences) at the configured rate, up to 100 kHz. Prints where it listens and runs until Ctrl+C.\n\n" +
            "Examples:\n" +
            "  edge pwr sim\n" +
            "  edge pwr sim --pty --model lpm01a\n" +
            "  edge pwr sim --listen tcp://127.0.0.1:0 --active-ma 40 --inference-ms 3 --faults garbage@500ms,drop@2s --for 10s")
        {
            listen, pty, model, faults, idle, active, inference, period, noise, fast, seed, duration,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            var options = new SimulatorOptions
            {
                Model = PwrOptions.ToModel(parse.GetValue(model)),
                Profile = new PeriodicInferenceProfile(
                    IdleAmps: parse.GetValue(idle) / 1000, ActiveAmps: parse.GetValue(active) / 1000,
                    InferenceSeconds: parse.GetValue(inference) / 1000, PeriodSeconds: parse.GetValue(period) / 1000,
                    NoiseAmps: parse.GetValue(noise) / 1000, Seed: (ulong)parse.GetValue(seed)),
                Faults = SimulatorFaults.Parse(parse.GetValue(faults)),
                RealTime = !parse.GetValue(fast),
                Seed = parse.GetValue(seed),
            };
            if (parse.GetValue(inference) <= 0 || parse.GetValue(period) < parse.GetValue(inference))
                throw new UserFacingException("--inference-ms must be positive and no longer than --period-ms", ExitCode.Usage);
            using var stop = Interruption.UntilInterrupted(parse.GetValue(duration), cancellationToken);
            var simulator = new PowerMonitorSimulator(options);
            await using var host = Start(simulator, parse.GetValue(pty), parse.GetValue(listen)!);
            host.AddressChanged += address => io.Out.WriteLine($"the pseudo-terminal was hung up (drop fault); now on {address}");
            io.Out.WriteLine($"{PowerMonitorBackend.For(options.Model).Name} simulator on {host.Address}");
            io.Out.WriteLine($"target: {options.Profile}; faults: {options.Faults}; {(options.RealTime ? "real time" : "as fast as read")}. Ctrl+C stops.");
            try
            {
                await host.Completion.WaitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or --for: a normal end.
            }
            io.Out.WriteLine($"stopped after {host.Connections} connection(s)");
            return ExitCode.Ok;
        });
        return command;
    }

    private static ISimulatorHost Start(PowerMonitorSimulator simulator, bool pty, string listen)
    {
        if (pty)
        {
            if (!OperatingSystem.IsLinux()) throw new UserFacingException("--pty needs Linux; use --listen tcp://HOST:PORT.", ExitCode.Usage);
            return PtySimulatorHost.Start(simulator);
        }
        if (!ByteTransports.TryParseTcp(listen, out string host, out int port) || !IPAddress.TryParse(host == "localhost" ? "127.0.0.1" : host, out var address))
            throw new UserFacingException($"--listen '{listen}' is not tcp://ADDRESS:PORT (e.g. {DefaultListen}).", ExitCode.Usage);
        try
        {
            return TcpSimulatorHost.Start(simulator, new IPEndPoint(address, port));
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new UserFacingException(Listening.Failure(listen, e), ExitCode.Usage, e);
        }
    }
}
