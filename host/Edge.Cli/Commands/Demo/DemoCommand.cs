using System.CommandLine;
using Edge.Cli.Grammar;

namespace Edge.Cli.Commands.Demo;

/// <summary>`edge demo`: the product on the bundled motor-flux sample, without hardware.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for the files the demo writes.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("out", "demo")) };
        var rate = new Option<double>("--rate") { Description = "Samples per second each simulated board takes from its sensor.", DefaultValueFactory = _ => 800 }.Positive(100_000.0);
        var command = new Command("demo", """
            Runs Edge end to end on the bundled motor-flux sample (a fault detector trained at 164 V whose motor later
            runs at 289 V): converts the model to int8 with its drift profile inside and checks it against ONNX Runtime,
            starts two simulated boards that sample their machines, the PLC bridge that reads them, and an ADS client that
            reads the bridge as a PLC would; shows inference, anomaly rate and drift rising to an alarm on the board whose
            supply changed, live; then runs a short hardware-in-the-loop matrix on the simulated bench (two models, two
            boards, each behind a simulated STLINK-V3PWR) and writes its HTML report; then points to the files it wrote.
            Works offline; needs no hardware; cleans up its ports.

            Examples:
              edge demo
              edge demo --out /tmp/edge-demo --rate 400
            """)
        {
            output, rate,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            var folder = parse.GetValue(output)!;
            double samplesPerSecond = parse.GetValue(rate);
            bool interactive = ReferenceEquals(io.Out, Console.Out) && !Console.IsOutputRedirected;
            using var interrupt = Interruption.UntilInterrupted(linked: cancellationToken);
            try
            {
                return await new DemoRun(folder.FullName, io.Out, interactive, samplesPerSecond).RunAsync(interrupt.Token);
            }
            catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
            {
                io.Error.WriteLine("demo interrupted; its boards and bridge were stopped.");
                return ExitCode.Interrupted;
            }
        });
        return command;
    }
}
