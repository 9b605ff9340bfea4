using System.CommandLine;
using Edge.Cli.Commands.Store;
using Edge.Fleet.Compare;
using Edge.Fleet.Query;
using Edge.Hil.Results;

namespace Edge.Cli.Commands.Hil;

/// <summary>`edge hil compare RUN_A RUN_B`: which cells moved beyond a tolerance (Edge.Fleet's <see cref="RunComparison"/>).</summary>
internal static class HilCompareCommand
{
    public static Command Create()
    {
        var before = new Argument<string>("run-a") { Description = "The reference run: a run folder, or a run's name in --store." };
        var after = new Argument<string>("run-b") { Description = "The run to check against it." };
        var tolerance = new Option<string[]>("--tolerance") { Description = "How far a figure may move: energy=5%, latency=5% (relative), accuracy=0.01 (absolute, AUC/accuracy 0..1). These are the defaults.", AllowMultipleArgumentsPerToken = true };
        var store = StoreOptions.Create("Where runs named by name are (pulled into a local cache)");
        var all = new Option<bool>("--all") { Description = "List every compared figure, not only those beyond the tolerance." };
        var command = new Command("compare", """
            Compare two runs cell by cell (model and board; firmware too when both runs measured the same revisions):
            energy per inference, latency and accuracy on the board. Moves beyond the tolerance are listed as worse or better;
            a cell that was ok in run A and failed or is missing in run B is worse. Exit code 12 when anything got worse,
            for CI jobs that gate a firmware revision.

            Examples:
              edge hil compare runs/fw-1.2.0 runs/fw-1.3.0
              edge hil compare fw-1.2.0 fw-1.3.0 --store s3://bench-artifacts/edge -t energy=2% -t accuracy=0.005
            """)
        {
            before, after, tolerance, store, all,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            var limits = new Tolerance();
            foreach (string setting in parse.GetValue(tolerance) ?? [])
            {
                try
                {
                    limits = limits.With(setting);
                }
                catch (FormatException e)
                {
                    throw new UserFacingException(e.Message, ExitCode.Usage, e);
                }
            }
            var a = await Results(parse, store, parse.GetValue(before)!, cancellationToken);
            var b = await Results(parse, store, parse.GetValue(after)!, cancellationToken);
            var result = RunComparison.Compare(a, b, limits);
            bool everything = parse.GetValue(all);
            foreach (var change in result.Changes.Where(c => everything || c.Verdict != Verdict.Within))
                io.Out.WriteLine($"{change.Verdict.ToString().ToLowerInvariant(),-6}  {change.Cell}  {change.Describe()}");
            int worse = result.Worse.Count(), better = result.Better.Count();
            io.Out.WriteLine($"{result.MatchedCells} cell(s) compared ({(result.MatchedOnFirmware ? "model, board, firmware" : "model and board")}; tolerance {limits}): {worse} worse, {better} better");
            return worse > 0 ? ExitCode.Regressed : ExitCode.Ok;
        });
        return command;
    }

    private static async Task<IReadOnlyList<CellResult>> Results(ParseResult parse, Option<string?> store, string run, CancellationToken cancellationToken)
    {
        string folder;
        if (Directory.Exists(run) || parse.GetValue(store) is null) folder = RunFolders.Local([run])[0].Folder;
        else
        {
            using var opened = StoreOptions.Open(parse, store);
            folder = (await RunFolders.FromStoreAsync(opened, [run], RunFolders.DefaultCache(opened.Location), cancellationToken))[0].Folder;
        }
        var directory = RunDirectory.Existing(folder);
        return directory.ReadResults(directory.ReadManifest()!);
    }
}
