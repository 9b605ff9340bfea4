using Edge.Cli;
using Edge.Hil.Results;
using Edge.TestSupport;

namespace Edge.Fleet.Tests.Support;

/// <summary>
/// Real run folders, measured once per test run by `edge hil run` on the simulated rig (flux_mlp on both
/// simulated boards, short cells); tests copy them before changing anything.
/// </summary>
public static class SampleRuns
{
    private static readonly Lazy<string> Measured = new(() =>
    {
        string output = Path.Combine(RepoPaths.TempDirectory("runs"), "fw-1.0");
        var (error, text) = (new StringWriter(), new StringWriter());
        int code = EdgeCli.Run(["hil", "run", "--rig", Path.Combine(RepoPaths.Root, "hil-rigs", "sim.yaml"), "--models", RepoPaths.MotorFlux("flux_mlp.onnx"),
            "-d", RepoPaths.MotorFlux("test_164V.features.csv"), "--firmware", "1.0", "-n", "3", "--warmup", "1", "--accuracy-rows", "30", "--plain", "--out", output], text, error);
        if (code != 0) throw new AssertFailedException($"edge hil run exited with {code}:\n{error}\n{text}");
        return output;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The measured run (do not change it): two ok cells.</summary>
    public static string Original => Measured.Value;

    /// <summary>A copy of the measured run under a new folder name, for a test to change.</summary>
    public static string Copy(string name)
    {
        string target = Path.Combine(RepoPaths.TempDirectory("run-copy"), name);
        foreach (string file in Directory.EnumerateFiles(Original, "*", SearchOption.AllDirectories))
        {
            string to = Path.Combine(target, Path.GetRelativePath(Original, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    /// <summary>Changes one cell's result file through <paramref name="change"/> and combines the run's results again.</summary>
    public static void Edit(string run, string cell, Action<CellResult> change)
    {
        var directory = RunDirectory.Existing(run);
        var result = directory.ReadCell(cell) ?? throw new AssertFailedException($"{run} has no result for {cell}");
        change(result);
        directory.WriteCell(result);
        directory.CombineAsync(directory.ReadManifest()!).GetAwaiter().GetResult();
    }

    public static IReadOnlyList<CellResult> Results(string run)
    {
        var directory = RunDirectory.Existing(run);
        return directory.ReadResults(directory.ReadManifest()!);
    }
}
