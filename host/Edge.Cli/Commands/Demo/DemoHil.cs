using System.Globalization;
using Edge.Hil.Plan;
using Edge.Hil.Report;
using Edge.Hil.Results;
using Edge.Hil.Rigs;
using Edge.Hil.Run;

namespace Edge.Cli.Commands.Demo;

/// <summary>
/// The demo's short hardware-in-the-loop run: the bundled simulated rig (two boards, each behind a
/// simulated STLINK-V3PWR), two of the sample's models, few inferences and accuracy rows so it
/// takes seconds, then the HTML report. The same harness and driver `edge hil run` uses.
/// </summary>
internal static class DemoHil
{
    public static readonly string[] Models = ["flux_mlp.onnx", "flux_autoencoder.onnx"];

    public static async Task<(RunSummary Run, ReportSummary Report)> RunAsync(string folder, CancellationToken cancellationToken)
    {
        // The demo owns this folder: a previous demo's run is replaced, not resumed.
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var rig = RigLoader.Load(BundledSamples.SimulatedRig());
        var options = new HilRunOptions
        {
            Rig = rig,
            Models = Models.Select(BundledSamples.MotorFlux).ToList(),
            Data = [BundledSamples.MotorFlux("test_164V.features.csv"), BundledSamples.MotorFlux("test_164V.windows.csv")],
            Calibration = [BundledSamples.MotorFlux("train_164V.features.csv"), BundledSamples.MotorFlux("train_164V.windows.csv")],
            OutputDirectory = folder,
            Plan = rig.Measurement with { Warmup = 1, Inferences = 5, AccuracyRows = 200 },
        };
        var run = await HilRunner.RunAsync(options, NoProgress.Instance, cancellationToken).ConfigureAwait(false);
        var report = await HilReport.WriteAsync(folder).ConfigureAwait(false);
        return (run, report);
    }

    /// <summary>One line per cell: energy and latency against the cost model, agreement with ONNX Runtime.</summary>
    public static string Line(CellResult r) => r.Status == CellStatus.Ok
        ? string.Create(CultureInfo.InvariantCulture,
            $"{r.Cell,-36} {r.EnergyUj,9:0.0} µJ/inference (cost model {r.ExpectedEnergyUj:0.0}), {r.LatencyUs / 1000,7:0.00} ms, cosine {r.Cosine:0.00000} vs ONNX Runtime")
        : $"{r.Cell,-36} {r.Status}: {r.Reason}";
}
