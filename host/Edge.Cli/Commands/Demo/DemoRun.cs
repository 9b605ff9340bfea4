using Edge.Common.Files;
using System.Diagnostics;
using Edge.Device.Board;
using Edge.Drift.Output;
using Edge.Drift.Profiles;
using Edge.Models;
using Edge.Models.Verification;
using Spectre.Console;

namespace Edge.Cli.Commands.Demo;

/// <summary>
/// The demo, step by step: model and drift profile from the bundled motor-flux sample, two
/// simulated boards sampling their machines (one moves from a 164 V to a 289 V supply), the PLC
/// bridge reading them, an ADS client reading the bridge as a PLC would, and a short simulated
/// HIL run with its report.
/// </summary>
internal sealed class DemoRun(string folder, TextWriter output, bool interactive, double rowsPerSecond)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public async Task<ExitCode> RunAsync(CancellationToken cancellationToken)
    {
        OutputFolder.Create(folder);
        output.WriteLine("Edge demo: a motor-flux fault detector trained at 164 V meets a supply at 289 V. Everything here is simulated; nothing needs hardware.");

        Step("1. Drift profile from the training set, and the model converted to int8 with the profile inside");
        // The FFT bins around the 50 Hz fundamental (25-75 Hz, where the supply change and the
        // rotor-bar sidebands show) and the load: a profile that fits a NUCLEO-F746ZG beside
        // flux_mlp (edge drift profile --board; all 64 bins need about 84 KB of heap).
        var profile = ProfileBuilder.Build(BundledTables.Train164V, new ProfileOptions { Columns = ["f[5-9]", "f1[0-5]"], Categorical = ["load"] });
        string profilePath = Path.Combine(folder, "motor-flux.edgp");
        var profileBytes = ProfileWriter.Write(profile);
        AtomicFile.Write(profilePath, profileBytes);
        ProfileSummary.Write(output, profile, profilePath, profileBytes.Length);
        string modelPath = Path.Combine(folder, "flux_mlp.edgem");
        var conversion = ModelConverter.Convert(new ConvertOptions(BundledSamples.MotorFlux("flux_mlp.onnx"), BundledSamples.MotorFlux("train_164V.features.csv"), modelPath)
        {
            DriftProfilePath = profilePath,
        });
        AtomicFile.Write(modelPath, conversion.Bytes);
        output.WriteLine($"{Path.GetFileName(modelPath)}: model id {conversion.Model.IdHex}, {conversion.Report.Macs:N0} MACs, arena {conversion.Model.ArenaBytes:N0} B, file {conversion.Bytes.Length:N0} B (profile included)");
        var verification = ModelVerifier.Verify(new VerifyOptions(modelPath, BundledSamples.MotorFlux("flux_mlp.onnx"), BundledSamples.MotorFlux("test_164V.features.csv")));
        output.WriteLine($"int8 on the board's engine vs ONNX Runtime on test_164V: {verification.DecisionAgreement:P2} of decisions agree, F1 {verification.Int8?.F1:0.0000} vs {verification.Float?.F1:0.0000}, cosine {verification.Agreement.Cosine:0.00000}");

        Step("2. Two simulated boards (NUCLEO-F746ZG cost model) get the model over their link and start sampling");
        await using var loom1 = await DemoBoard.StartAsync("Loom1", Path.Combine(folder, "boards", "loom1"), conversion.Bytes, rowsPerSecond, cancellationToken);
        await using var loom2 = await DemoBoard.StartAsync("Loom2", Path.Combine(folder, "boards", "loom2"), conversion.Bytes, rowsPerSecond, cancellationToken);
        var model = conversion.Model;
        var layout = Edge.Board.Streaming.RowLayoutBuilder.Build(model, profile, BundledTables.Test164V);
        var normal = Edge.Board.Streaming.RowLayoutBuilder.Rows(layout, BundledTables.Test164V, profile);
        var drifted = Edge.Board.Streaming.RowLayoutBuilder.Rows(layout, BundledTables.Drift289V, profile);
        loom1.Feed(normal);
        loom1.Feed(drifted);
        loom2.Feed(normal);
        loom2.Feed(normal);
        output.WriteLine($"Loom1 at {loom1.Address}: 2,000 samples at 164 V, then 2,000 at 289 V; Loom2 at {loom2.Address}: 4,000 at 164 V; {rowsPerSecond:N0} samples/s each");

        Step("3. The PLC bridge reads both boards' telemetry over their links and serves it over ADS");
        await using var bridge = await DemoBridge.StartAsync([loom1, loom2], folder, cancellationToken);
        output.WriteLine($"ADS server on 127.0.0.1:{bridge.Port} (AMS net id 127.0.0.1.1.1, port 25000); configuration {bridge.ConfigFile}");
        output.WriteLine("The table shows what each board computes and what an ADS client reads from the bridge (Loom1.DriftAlarm, Loom1.DriftScore, ...):");
        var final = await WatchAsync([loom1, loom2], bridge, cancellationToken);
        var alarm = final.Single(r => r.Board == "Loom1");
        var calm = final.Single(r => r.Board == "Loom2");

        Step("4. Result");
        output.WriteLine(alarm.BoardAlarm && alarm.Plc is { DriftAlarm: true }
            ? $"Loom1: drift confirmed on the board after the supply changed, and the PLC reads Loom1.DriftAlarm = TRUE (drift score {alarm.Plc.DriftScore:0.000})."
            : "Loom1: no drift alarm reached the PLC (unexpected).");
        output.WriteLine(!calm.BoardAlarm ? "Loom2: stayed at 164 V, no alarm." : "Loom2: raised an alarm (unexpected).");

        Step("5. A short hardware-in-the-loop run on the simulated bench: energy, latency and accuracy per model and board");
        var bench = new DemoHil();
        output.WriteLine(bench.Describe());
        var (hil, report) = await bench.RunAsync(Path.Combine(folder, "hil"), cancellationToken);
        foreach (var cell in hil.Results) output.WriteLine("  " + DemoHil.Line(cell));
        output.WriteLine($"Energy is the monitor's current integrated between the board's trigger edges; the simulated boards draw what their cost model says, so it lands within 2 % of it.");

        Step("Files and what to try next");
        output.WriteLine($"  {folder}");
        ListFile(Path.GetFileName(modelPath), $"the int8 model with its drift profile (edge model inspect {modelPath})");
        ListFile(Path.GetFileName(profilePath), $"the drift profile (edge drift replay --profile {profilePath} -d <data.csv>)");
        ListFile("bridge.yaml", $"the bridge configuration (edge bridge plc-types --config {bridge.ConfigFile})");
        ListFile(Path.Combine("hil", "report.html"), "the HIL report: open it in a browser (works offline)");
        ListFile(Path.Combine("hil", "results.parquet"), "one row per cell (also results.json); raw current traces in hil/traces/");
        output.WriteLine("  edge hil run --rig hil-rigs/sim.yaml --models samples/motor-flux --out runs/sim \\");
        output.WriteLine("      --data samples/motor-flux/test_164V.features.csv --data samples/motor-flux/test_164V.windows.csv");
        output.WriteLine("                        the whole matrix from the repository: four models on two simulated boards");
        output.WriteLine("  edge board sim        run a simulated board, then edge board upload / stream / info against it");
        output.WriteLine("  edge --help           everything else");
        output.WriteLine($"Done in {_clock.Elapsed.TotalSeconds:0} s.");
        bool measured = hil.Results.Count == bench.Cells && hil.Ok == hil.Results.Count && report.Measured == hil.Ok;
        return alarm.BoardAlarm && alarm.Plc is { DriftAlarm: true } && !calm.BoardAlarm && measured ? ExitCode.Ok : ExitCode.InternalError;
    }

    private void ListFile(string name, string what) => output.WriteLine($"    {name,-22}{what}");

    /// <summary>Shows the boards until both sensors ran dry and the bridge caught up; returns the last rows.</summary>
    private async Task<IReadOnlyList<DemoView.Row>> WatchAsync(IReadOnlyList<DemoBoard> boards, DemoBridge bridge, CancellationToken cancellationToken)
    {
        var view = new DemoView(output, interactive);
        IReadOnlyList<DemoView.Row> rows = [];
        async Task<IReadOnlyList<DemoView.Row>> Sample()
        {
            var result = new List<DemoView.Row>();
            foreach (var b in boards)
            {
                var runtime = b.Board.Runtime;
                var drift = runtime.Rows.Drift;
                var last = drift?.LastWindow;
                string phase = b.Name == "Loom1" && b.Sampled > 2000 ? "289 V" : "164 V";
                result.Add(new DemoView.Row(b.Name, phase, runtime.Rows.Samples, runtime.Rows.Inferences,
                    last is null || last.Samples == 0 ? 0 : (double)last.Anomalies / last.Samples,
                    last is null ? 0 : Edge.Device.Numerics.Q16.ToDouble(last.DriftShareQ16),
                    drift is null ? "" : Edge.Device.Drift.WindowVerdict.Name(drift.Policy.LastVerdict), drift?.Policy.Alarm ?? false,
                    await bridge.ReadBoardAsync(b.Name, cancellationToken)));
            }
            return result;
        }
        bool Done(IReadOnlyList<DemoView.Row> r) =>
            boards.All(b => b.Queued == 0) && r.All(x => x.Plc is { } p && (long)p.Samples == x.Samples && p.DriftAlarm == x.BoardAlarm);

        var deadline = Stopwatch.StartNew();
        if (view.Interactive)
        {
            await AnsiConsole.Live(view.Render(rows)).StartAsync(async context =>
            {
                do
                {
                    await Task.Delay(250, cancellationToken);
                    rows = await Sample();
                    context.UpdateTarget(view.Render(rows));
                } while (!Done(rows) && deadline.Elapsed < TimeSpan.FromSeconds(60));
            });
        }
        else
        {
            do
            {
                await Task.Delay(500, cancellationToken);
                rows = await Sample();
                view.WriteLines(rows);
            } while (!Done(rows) && deadline.Elapsed < TimeSpan.FromSeconds(60));
        }
        return rows;
    }

    private void Step(string title)
    {
        output.WriteLine();
        output.WriteLine($"[{_clock.Elapsed.TotalSeconds,5:0.0} s] {title}");
    }
}
