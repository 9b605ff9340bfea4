using System.CommandLine;
using Edge.Cli.Commands.Store;
using Edge.Fleet.Query;
using Edge.Store;

namespace Edge.Cli.Commands.Hil;

/// <summary>`edge hil query "SQL"`: DuckDB over the results of many runs (Edge.Fleet's <see cref="ResultsQuery"/>).</summary>
internal static class HilQueryCommand
{
    public static Command Create()
    {
        var sql = new Argument<string>("sql") { Description = "A DuckDB query over the view `results` (one row per cell of every run, with a `run` column)." };
        var runs = new Option<string[]>("--runs") { Description = "Run folders or folders of run folders (default: runs/ when there is no --store).", AllowMultipleArgumentsPerToken = true };
        var store = StoreOptions.Create("Query the runs of this store (pulled into a local cache first)");
        var storeRuns = new Option<string[]>("--run") { Description = "With --store: only these runs (default: all).", AllowMultipleArgumentsPerToken = true };
        var format = new Option<string>("--format") { Description = "table, csv or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var command = new Command("query", """
            Ask questions across runs in SQL (DuckDB): the view `results` holds every cell of every run, one row each, with the
            run's name in `run` and the result columns of results.parquet (energy_uj, latency_us, auc_board, firmware, ...).
            Runs come from local folders, or from an artifact store with --store.

            Examples:
              edge hil query "select model, board, firmware, avg(energy_uj) from results where status = 'ok' group by all order by 1, 2, 3" --runs runs/
              edge hil query "select run, count(*) from results group by run" --store s3://bench-artifacts/edge --format csv
            """)
        {
            sql, runs, store, storeRuns, format,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            var found = new List<(string Run, string Folder)>();
            var given = parse.GetValue(runs) ?? [];
            if (given.Length > 0 || parse.GetValue(store) is null) found.AddRange(RunFolders.Local(given.Length > 0 ? given : ["runs"]));
            if (parse.GetValue(store) is not null)
            {
                using var opened = StoreOptions.Open(parse, store);
                found.AddRange(await RunFolders.FromStoreAsync(opened, parse.GetValue(storeRuns) ?? [], RunFolders.DefaultCache(opened.Location), cancellationToken));
            }
            QueryTable table;
            try
            {
                table = ResultsQuery.Run(found, parse.GetValue(sql)!);
            }
            catch (QueryException e)
            {
                throw new UserFacingException("the query failed: " + e.Message, ExitCode.Usage, e);
            }
            io.Out.WriteLine(parse.GetValue(format) switch
            {
                "csv" => table.ToCsv().TrimEnd(),
                "json" => table.ToJson(),
                _ => table.ToAligned(),
            });
            return ExitCode.Ok;
        });
        return command;
    }
}
