using System.CommandLine;
using Edge.Data;
using Edge.Drift.Output;
using Edge.Drift.Profiles;
using Edge.Drift.Replay;

namespace Edge.Cli.Commands.Demo;

/// <summary>`edge demo`: the product on the bundled motor-flux sample, without hardware.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for the files the demo writes.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("out", "demo")) };
        var command = new Command("demo", """
            Runs Edge end to end on the bundled motor-flux sample (a motor-flux fault detector trained at 164 V that later
            sees 289 V): builds the board's drift profile from the training set, then streams normal 164 V data followed
            by 289 V data through the board's drift code and shows the drift metrics rising and the alarm after the
            confirming windows. Works offline; needs no hardware.

            Examples:
              edge demo
              edge demo --out /tmp/edge-demo
            """)
        {
            output,
        };
        command.SetHandler((parse, io) =>
        {
            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder.FullName);
            var w = io.Out;
            w.WriteLine("Edge demo: a motor-flux fault detector trained at 164 V meets a supply at 289 V.");
            w.WriteLine();

            w.WriteLine("1. Drift profile from the training set (what the board loads)");
            var train = TableReader.Read(BundledSamples.MotorFlux("train_164V.features.csv"));
            var profile = ProfileBuilder.Build(train, new ProfileOptions { Columns = ["f[0-9]*"], Categorical = ["load"] });
            var bytes = ProfileWriter.Write(profile);
            string profilePath = Path.Combine(folder.FullName, "motor-flux.edgp");
            AtomicFile.Write(profilePath, bytes);
            ProfileSummary.Write(w, profile, profilePath, bytes.Length);
            w.WriteLine();

            w.WriteLine("2. Streaming 2000 rows at 164 V, then 2000 rows at 289 V through the board's drift code");
            var stream = Concat(TableReader.Read(BundledSamples.MotorFlux("test_164V.features.csv")), TableReader.Read(BundledSamples.MotorFlux("drift_289V.features.csv")));
            var result = ReplayRunner.Run(profile, profilePath, stream, new ReplayOptions());
            foreach (var window in result.Windows)
            {
                string phase = window.LastRow <= 2000 ? "164 V" : "289 V";
                double meanWasserstein = window.Columns.Where(c => c.Wasserstein is not null).Average(c => c.Wasserstein!.Value);
                string bar = new string('#', (int)Math.Round(window.DriftShare * 40));
                w.WriteLine($"  window {window.Index,2} {phase}  drifted features {window.DriftedFeatures,2}/64 {bar,-40}  mean W {meanWasserstein,6:F3}  {window.Verdict}{(window.Alarm ? "  ALARM" : "")}");
            }
            w.WriteLine();
            string jsonPath = Path.Combine(folder.FullName, "replay.json");
            using (var json = new StringWriter())
            {
                ReplayJson.Write(json, result);
                AtomicFile.Write(jsonPath, System.Text.Encoding.UTF8.GetBytes(json.ToString()));
            }
            var s = result.Summary;
            w.WriteLine(s.FirstConfirmedWindow is { } first
                ? $"Drift confirmed at window {first} (row {first * result.WindowSize}), {first - 10} window(s) after the supply changed; capture {s.CaptureState} with {s.CapturedRows} rows for retraining."
                : "No drift confirmed.");
            w.WriteLine();
            w.WriteLine($"Files: {folder.FullName}");
            w.WriteLine($"  {Path.GetFileName(profilePath)}  the board's drift profile");
            w.WriteLine($"  {Path.GetFileName(jsonPath)}  every window's metrics (schema: host/Edge.Drift/docs/replay-json.md)");
            w.WriteLine("Next:");
            w.WriteLine($"  edge drift replay -p {profilePath} -d <your data.csv> --only-drifted");
            w.WriteLine("  edge drift profile --help");
            return ExitCode.Ok;
        });
        return command;
    }

    private static Table Concat(Table first, Table second) => new(
        "164 V then 289 V",
        first.Columns.Select(c => new TableColumn(c.Name, c.Texts.Concat(second.Column(c.Name).Texts).ToArray())).ToList());
}
