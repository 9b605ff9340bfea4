using System.Diagnostics;
using System.Globalization;
using Edge.Hil.Rigs;
using Edge.Hil.Run;
using Edge.Models;
using Edge.TestSupport;

namespace Edge.Hil.Benchmarks;

/// <summary>
/// A run's wall time with 1, 2 and 4 simulated NUCLEO-F746ZG boards, each behind a simulated
/// monitor of its own: flux_mlp and flux_autoencoder (pre-converted), `revisions` firmware
/// revisions each, so 2 x revisions cells per board. Two kinds of simulated board: as the
/// simulated rig runs them (the board's clock jumps over each modelled inference, so a cell is
/// the harness's own work), and in real time (`simulation: real-time`, the board busy for each
/// modelled inference as a real one is). Each configuration also with --parallel 1. Runs are
/// interleaved, `Rounds` times; the median is reported.
/// </summary>
public static class ParallelPositions
{
    private const int Rounds = 3;

    public static async Task RunAsync(int revisions)
    {
        string scratch = RepoPaths.TempDirectory("hil-positions");
        string models = Convert(scratch);
        int[] boardCounts = [1, 2, 4];
        var wall = new Dictionary<(bool RealTime, int Boards, bool Parallel), List<double>>();
        for (int round = 0; round < Rounds; round++)
            foreach (bool realTime in new[] { false, true })
                foreach (int boards in boardCounts)
                    foreach (bool parallel in boards == 1 ? new[] { true } : new[] { true, false })
                    {
                        double seconds = await OneRunAsync(scratch, models, boards, revisions, realTime, parallel, $"r{round}");
                        (wall.TryGetValue((realTime, boards, parallel), out var list) ? list : wall[(realTime, boards, parallel)] = []).Add(seconds);
                        Console.Error.WriteLine(FormattableString.Invariant($"round {round}: real-time {realTime}, {boards} board(s), parallel {parallel}: {seconds:0.00} s"));
                    }

        Console.WriteLine($"Bench wall time, simulated NUCLEO-F746ZG boards with a monitor each, flux_mlp + flux_autoencoder x {revisions} revisions per board " +
                          $"(2 warm-up + 10 measured inferences at 100 kHz, 100 accuracy rows per cell); median of {Rounds} interleaved runs; {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| simulated board | boards | cells | positions at once | wall time | vs 1 board | vs half the boards |");
        Console.WriteLine("|---|---:|---:|---|---:|---:|---:|");
        foreach (bool realTime in new[] { false, true })
            foreach (int boards in boardCounts)
                foreach (bool parallel in boards == 1 ? new[] { true } : new[] { true, false })
                {
                    double median = Median(wall[(realTime, boards, parallel)]);
                    double one = Median(wall[(realTime, 1, true)]);
                    string half = boards == 1 ? "" : Ratio(median / Median(wall[(realTime, boards / 2, boards / 2 == 1 || parallel)]));
                    Console.WriteLine(FormattableString.Invariant(
                        $"| {(realTime ? "real time" : "clock jumps")} | {boards} | {boards * revisions * 2} | {(parallel ? "all" : "1")} | {median:0.00} s | {Ratio(median / one)} | {half} |"));
                }
        Directory.Delete(scratch, recursive: true);
    }

    private static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static async Task<double> OneRunAsync(string scratch, string models, int boards, int revisions, bool realTime, bool parallel, string round)
    {
        string folder = Path.Combine(scratch, $"{round}-{(realTime ? "rt" : "jump")}-{boards}-{(parallel ? "all" : "one")}");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "rig.yaml");
        var yaml = new System.Text.StringBuilder("""
            rig: positions
            measurement: { warmup: 2, inferences: 10, sample-rate: 100k, accuracy-rows: 100, cell-timeout: 5m, retries: 0 }
            boards:

            """);
        for (int b = 1; b <= boards; b++)
            yaml.Append($"  - name: b{b}\n    kind: simulated\n    profile: nucleo-f746zg\n    monitor: {{ kind: simulated }}\n" +
                        (realTime ? "    simulation: { real-time: true }\n" : ""));
        File.WriteAllText(path, yaml.ToString());
        var clock = Stopwatch.StartNew();
        var summary = await HilRunner.RunAsync(new HilRunOptions
        {
            Rig = RigLoader.Load(path),
            Models = [models],
            Data = [RepoPaths.MotorFlux("test_164V.features.csv")],
            Firmware = Enumerable.Range(1, revisions).Select(i => "v" + i).ToList(),
            OutputDirectory = Path.Combine(folder, "out"),
            MaxParallelPositions = parallel ? null : 1,
        }, NoProgress.Instance, CancellationToken.None);
        double seconds = clock.Elapsed.TotalSeconds;
        if (summary.Ok != boards * revisions * 2)
            throw new InvalidOperationException($"{summary.Ok} of {boards * revisions * 2} cells measured: " +
                string.Join("; ", summary.Results.Where(r => r.Status != "ok").Select(r => $"{r.Cell} {r.Reason}")));
        Directory.Delete(folder, recursive: true);
        return seconds;
    }

    /// <summary>flux_mlp and flux_autoencoder converted once, each .edgem beside its .onnx: the runs then only prepare the accuracy rows.</summary>
    private static string Convert(string scratch)
    {
        string folder = Path.Combine(scratch, "models");
        Directory.CreateDirectory(folder);
        foreach (string name in new[] { "flux_mlp", "flux_autoencoder" })
        {
            File.Copy(RepoPaths.MotorFlux(name + ".onnx"), Path.Combine(folder, name + ".onnx"));
            var converted = ModelConverter.Convert(new ConvertOptions(RepoPaths.MotorFlux(name + ".onnx"), RepoPaths.MotorFlux("train_164V.features.csv"), name + ".edgem")
            {
                InputColumns = "f0..f63",
            });
            File.WriteAllBytes(Path.Combine(folder, name + ".edgem"), converted.Bytes);
        }
        return folder;
    }
}
