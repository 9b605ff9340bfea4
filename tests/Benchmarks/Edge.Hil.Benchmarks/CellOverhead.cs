using Edge.Targets.Costs;
using System.Diagnostics;
using Edge.Board.Simulation;
using Edge.Device.Model;
using Edge.Hil.Plan;
using Edge.Hil.Rigs;
using Edge.Hil.Run;
using Edge.TestSupport;

namespace Edge.Hil.Benchmarks;

/// <summary>
/// The harness's cost per cell on the simulated rig: flux_mlp (a 7.6 ms inference, 64 inputs) and
/// flux_cnn1d (314 ms, 256 inputs) on the simulated NUCLEO-F746ZG, 2 warm-up + 10 measured
/// inferences at 100 kHz, 500 accuracy rows, each cell measured `repeats` times (as firmware
/// revisions r1..rN: fresh cells of one run). A real board adds its inference time to these; the
/// simulated board's compressed time is subtracted below as far as it is known (see README).
/// </summary>
public static class CellOverhead
{
    public static async Task RunAsync(int repeats)
    {
        var rig = RigLoader.Load(Path.Combine(RepoPaths.Root, "hil-rigs", "sim.yaml"));
        string output = RepoPaths.TempDirectory("hil-bench");
        var clock = new PhaseClock();
        var total = Stopwatch.StartNew();
        var summary = await HilRunner.RunAsync(new HilRunOptions
        {
            Rig = rig,
            Models = [RepoPaths.MotorFlux("flux_mlp.onnx"), RepoPaths.MotorFlux("flux_cnn1d.onnx")],
            Data = [RepoPaths.MotorFlux("test_164V.features.csv"), RepoPaths.MotorFlux("test_164V.windows.csv")],
            Calibration = [RepoPaths.MotorFlux("train_164V.features.csv"), RepoPaths.MotorFlux("train_164V.windows.csv")],
            Boards = ["f746zg-sim"],
            Firmware = Enumerable.Range(1, repeats).Select(i => "r" + i).ToList(),
            OutputDirectory = output,
        }, clock, CancellationToken.None);
        total.Stop();

        Console.WriteLine($"HIL harness overhead per cell (simulated f746zg, {rig.Measurement.Warmup}+{rig.Measurement.Inferences} inferences at {rig.Measurement.Rate}, " +
                          $"{rig.Measurement.AccuracyRows} accuracy rows; median of {repeats} cells each; the first cell of the run is left out: JIT)");
        Console.WriteLine($"{summary.Results.Count} cells in {total.Elapsed.TotalSeconds:0.0} s; {Environment.ProcessorCount} cores");
        foreach (var (model, seconds) in clock.Preparations) Console.WriteLine($"  prepare {model}: {seconds * 1000:0} ms once per run (convert, calibrate, ONNX Runtime on the accuracy rows)");
        var phases = Enum.GetValues<CellPhase>();
        Console.WriteLine();
        Console.WriteLine($"| model | {string.Join(" | ", phases.Select(CellPhases.Name))} | cell total | trace samples |");
        Console.WriteLine($"|---|{string.Concat(phases.Select(_ => "---:|"))}---:|---:|");
        string firstModel = clock.Phases[0].Model;
        foreach (var model in new[] { "flux_mlp", "flux_cnn1d" })
        {
            // Cells of this model, in run order; the first cell of the whole run pays for JIT compilation.
            var cells = clock.Phases.Where(p => p.Model == model).Chunk(phases.Length).Skip(model == firstModel ? 1 : 0).ToList();
            string Median(IEnumerable<double> values)
            {
                var sorted = values.Order().ToList();
                return sorted.Count == 0 ? "-" : (sorted[sorted.Count / 2] * 1000).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
            }
            var medians = phases.Select(phase => Median(cells.Select(c => c.Single(p => p.Phase == phase).Seconds)));
            long samples = summary.Results.First(r => r.Model == model).TraceSamples ?? 0;
            Console.WriteLine($"| {model} | {string.Join(" | ", medians)} | {Median(cells.Select(c => c.Sum(p => p.Seconds)))} | {samples} |");
        }
        var edgem = ModelReader.Read(File.ReadAllBytes(Path.Combine(output, "models", "flux_cnn1d.edgem")));
        Console.WriteLine();
        Console.WriteLine($"(times in ms; what a real F746ZG would add per cell: {rig.Measurement.Warmup + rig.Measurement.Inferences} + {rig.Measurement.AccuracyRows} inferences, " +
                          $"e.g. flux_cnn1d {(rig.Measurement.Warmup + rig.Measurement.Inferences + rig.Measurement.AccuracyRows) * BoardProfile.NucleoF746zg.InferenceMicros(ModelWork.Of(edgem)) / 1e6:0} s by the cost model)");
    }
}
