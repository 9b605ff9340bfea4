using System.CommandLine;
using Edge.Cli.Grammar;
using Edge.Common.Files;
using Edge.Data;
using Edge.Drift.Output;
using Edge.Drift.Profiles;
using Edge.Drift.Replay;

namespace Edge.Cli.Commands.Drift;

/// <summary>`edge drift replay`: runs a data file through the board's drift code and prints what the board would report.</summary>
public static class DriftReplayCommand
{
    public static Command Create()
    {
        var profileFile = new Option<FileInfo>("--profile") { Description = "Drift profile written by `edge drift profile`.", Required = true };
        var data = new Option<FileInfo>("--data", "-d") { Description = "Data to replay (CSV or Parquet) with the profile's columns, in time order.", Required = true };
        var replay = new ReplayOptionSet();
        var json = new Option<bool>("--json") { Description = "Machine-readable output (schema: host/Edge.Drift/docs/replay-json.md)." };
        var onlyDrifted = new Option<bool>("--only-drifted") { Description = "In the table, list only the columns that drifted in each window." };
        var captureOut = new Option<FileInfo?>("--capture-out") { Description = "Write the rows the board's retraining capture holds at the end (CSV)." };
        var precision = new Option<InputPrecision>("--precision") { Description = "Input precision: Float32 (as a board receives values; the default, so replay equals the board) or Double (as numpy computes).", DefaultValueFactory = _ => InputPrecision.Float32 };
        var failOnDrift = new Option<bool>("--fail-on-drift") { Description = "Exit with code 10 when drift was confirmed (for scripts and CI gates)." };

        var command = new Command("replay", """
            Replays a data file through exactly the board's drift code (the same C# source, built for .NET) and prints,
            per window, every column's metrics (PSI, KL, Jensen-Shannon, Hellinger, total variation, KS with its critical
            value, normed Wasserstein with its error bound, chi-square and Z for categories) and the decisions: column
            drift, dataset drift, anomaly burst, confirmed drift, alarm, capture.

            Examples:
              edge drift replay --profile motor.edgp -d samples/motor-flux/drift_289V.features.csv --only-drifted
              edge drift replay --profile motor.edgp -d test.csv --window 500 --json > replay.json
              edge drift replay --profile motor.edgp -d shift3.parquet --fail-on-drift --capture-out retrain.csv
            """)
        {
            profileFile, data, json, precision, onlyDrifted, captureOut, failOnDrift,
        };
        foreach (var option in replay.All) command.Add(option);
        command.SetHandler((parse, io) =>
        {
            var profilePath = parse.GetValue(profileFile)!.FullName;
            var profile = ProfileFile.Read(profilePath);
            var table = TableReader.Open(parse.GetValue(data)!.FullName);
            var options = replay.Read(parse, parse.GetValue(precision));
            // Windows are printed as the board would report them; the capture is written once the data has run through.
            var output = new CaptureFile(parse.GetValue(json) ? new ReplayJson(io.Out) : new ReplayTable(io.Out, parse.GetValue(onlyDrifted)), profile, parse.GetValue(captureOut)?.FullName);
            var summary = ReplayRunner.Run(profile, profilePath, table, options, output);
            return parse.GetValue(failOnDrift) && summary.FirstConfirmedWindow is not null ? ExitCode.DriftDetected : ExitCode.Ok;
        });
        return command;
    }

    /// <summary>Passes the replay on to the writer and, at the end, writes the capture to its file (when asked).</summary>
    private sealed class CaptureFile(IReplayOutput inner, Edge.Device.Drift.DriftProfile profile, string? path) : IReplayOutput
    {
        public void Begin(ReplaySetup setup) => inner.Begin(setup);

        public void Window(WindowRecord window) => inner.Window(window);

        public void End(ReplaySummary summary, IReadOnlyList<CapturedRow> captured)
        {
            inner.End(summary, captured);
            if (path is null) return;
            AtomicFile.Write(path, stream =>
            {
                using var text = CaptureCsv.Into(stream);
                CaptureCsv.Write(text, profile, captured);
            });
        }
    }
}
