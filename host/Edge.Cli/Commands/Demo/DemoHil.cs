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
internal sealed class DemoHil
{
    private static readonly string[] Models = ["flux_mlp.onnx", "flux_autoencoder.onnx"];

    private readonly Rig _rig = RigLoader.Load(BundledSamples.SimulatedRig());

    private MeasurementPlan Plan => _rig.Measurement with { Warmup = 1, Inferences = 5, AccuracyRows = 200 };

    /// <summary>Every model on every board of the rig.</summary>
    public int Cells => Models.Length * _rig.Boards.Count;

    /// <summary>What is about to be measured, in one sentence.</summary>
    public string Describe() =>
        $"Rig {_rig.SourcePath}: {string.Join(", ", _rig.Boards.Select(b => $"{b.Name} ({b.Profile?.Name} cost model)"))}, each behind a simulated STLINK-V3PWR " +
        $"at {Plan.Rate}; {string.Join(" and ", Models)}, {Plan.Inferences} measured inferences and {Plan.AccuracyRows} accuracy rows per cell";

    public async Task<(RunSummary Run, ReportSummary Report)> RunAsync(string folder, CancellationToken cancellationToken)
    {
        // The demo owns this folder: a previous demo's run is replaced, not resumed.
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var options = new HilRunOptions
        {
            Rig = _rig,
            Models = Models.Select(BundledSamples.MotorFlux).ToList(),
            Data = [BundledSamples.MotorFlux("test_164V.features.csv"), BundledSamples.MotorFlux("test_164V.windows.csv")],
            Calibration = [BundledSamples.MotorFlux("train_164V.features.csv"), BundledSamples.MotorFlux("train_164V.windows.csv")],
            OutputDirectory = folder,
            Plan = Plan,
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
