using System.CommandLine;
using Edge.Hil.Report;

namespace Edge.Cli.Commands.Hil;

/// <summary>`edge hil report`: the run folder's results as one offline HTML page.</summary>
internal static class HilReportCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("run-folder") { Description = "A folder written by `edge hil run --out`." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the page (default: report.html in the run folder)." };
        var traces = new Option<string[]>("--trace") { Description = $"Cells whose current traces to include (default: the first {HilReport.MaxTraces} measured).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("report", """
            Combine the run's cell results (results.parquet, results.json) and write one self-contained HTML page: energy and
            latency per model and board, accuracy loss against ONNX Runtime, current traces with the inference windows,
            failures. Plots are inline SVG: the page opens offline, from a mail or a shared drive.

            Examples:
              edge hil report runs/sim
              edge hil report runs/sim -o sim.html --trace flux_cnn1d@f746zg-sim@current
            """)
        {
            folder, output, traces,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            var report = await HilReport.WriteAsync(parse.GetValue(folder)!, parse.GetValue(output), parse.GetValue(traces));
            foreach (string unreadable in report.Unreadable) io.Error.WriteLine($"warning: left out of the report, cannot be read: {unreadable}");
            io.Out.WriteLine($"{report.Path}: {report.Cells} cells, {report.Measured} measured, {report.Traces} trace(s)" +
                (report.Unreadable.Count > 0 ? $"; {report.Unreadable.Count} file(s) unreadable (the page says which)" : ""));
            return ExitCode.Ok;
        });
        return command;
    }
}
