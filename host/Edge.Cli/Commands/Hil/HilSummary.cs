using System.Globalization;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Hil.Run;

namespace Edge.Cli.Commands.Hil;

/// <summary>What a run prints at the end: one line per cell and where the files are.</summary>
internal static class HilSummary
{
    public static string Line(CellResult r) => r.Status switch
    {
        CellStatus.Ok => string.Create(CultureInfo.InvariantCulture,
                $"{r.Cell}: {r.EnergyUj:0.###} uJ ± {r.EnergyUjSd:0.###} per inference, {r.LatencyUs / 1000:0.###} ms, cosine {r.Cosine:0.#####} vs ONNX Runtime")
            + (r.ExpectedEnergyUj is { } e ? string.Create(CultureInfo.InvariantCulture, $" (cost model {e:0.###} uJ{(r.ExpectedLatency is { } band ? "; " + band : "")})") : "")
            + (r.Attempts > 1 ? $", after {r.Attempts} attempts" : ""),
        _ => $"{r.Cell}: {r.Status}{(r.FailedPhase is null ? "" : " in " + r.FailedPhase)}: {r.Reason}",
    };

    public static void Write(TextWriter output, RunSummary summary)
    {
        output.WriteLine();
        foreach (var result in summary.Results) output.WriteLine(Line(result));
        output.WriteLine();
        output.WriteLine($"{summary.Results.Count} cells with results: {summary.Ok} measured, {summary.DoesNotFit} too large for their board, {summary.Failed} failed " +
                         $"({summary.Ran} run now, {summary.Kept} kept).");
        output.WriteLine($"results: {Path.Combine(summary.Directory, "results.parquet")}, results.json; report: edge hil report {summary.Directory}");
    }
}
