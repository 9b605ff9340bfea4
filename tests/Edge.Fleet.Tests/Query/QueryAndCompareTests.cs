using System.Globalization;
using Edge.Cli;
using Edge.Fleet.Compare;
using Edge.Fleet.Query;
using Edge.Fleet.Runs;
using Edge.Fleet.Tests.Support;
using Edge.Hil.Plan;

namespace Edge.Fleet.Tests.Query;

/// <summary>DuckDB over several runs' results, and comparisons of two runs, checked against the cell files themselves.</summary>
[TestClass]
public sealed class QueryAndCompareTests
{
    [TestMethod]
    public void A_query_over_two_runs_returns_each_cell_with_its_run_and_aggregates_match_the_cell_files()
    {
        string a = SampleRuns.Copy("fw-1.0");
        string b = SampleRuns.Copy("fw-1.1");
        string cell = SampleRuns.Results(b)[0].Cell;
        SampleRuns.Edit(b, cell, r => r.EnergyUj *= 1.5);
        var runs = RunFolders.Local([a, b]);

        var rows = ResultsQuery.Run(runs, "select run, cell, energy_uj from results order by run, cell");
        var mean = ResultsQuery.Run(runs, "select model, board, avg(energy_uj) as e, count(*) as n from results where status = 'ok' group by all order by board");

        var expected = SampleRuns.Results(a).Select(r => ("fw-1.0", r.Cell, r.EnergyUj)).Concat(SampleRuns.Results(b).Select(r => ("fw-1.1", r.Cell, r.EnergyUj)))
            .OrderBy(r => r.Item1, StringComparer.Ordinal).ThenBy(r => r.Cell, StringComparer.Ordinal).ToList();
        Assert.AreEqual(4, rows.Rows.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.AreEqual(expected[i].Item1, rows.Rows[i][0]);
            Assert.AreEqual(expected[i].Cell, rows.Rows[i][1]);
            Assert.AreEqual(expected[i].EnergyUj!.Value, (double)rows.Rows[i][2]!, 1e-9);
        }
        foreach (var row in mean.Rows)
        {
            var cells = expected.Where(e => e.Cell.Contains("@" + row[1] + "@", StringComparison.Ordinal)).ToList();
            Assert.AreEqual(cells.Average(c => c.EnergyUj!.Value), (double)row[2]!, 1e-9);
            Assert.AreEqual(2L, Convert.ToInt64(row[3], CultureInfo.InvariantCulture));
        }
    }

    [TestMethod]
    public void Wrong_SQL_is_one_error_line_with_the_usage_exit_code()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        int code = EdgeCli.Run(["hil", "query", "select nonsense from results", "--runs", SampleRuns.Original], output, error);

        Assert.AreEqual((int)ExitCode.Usage, code);
        StringAssert.StartsWith(error.ToString(), "error: the query failed:");
        StringAssert.Contains(error.ToString(), "nonsense");
    }

    [TestMethod]
    public void Compare_flags_moves_beyond_the_tolerance_in_either_direction_and_a_cell_no_longer_ok()
    {
        string a = SampleRuns.Copy("fw-1.0");
        string b = SampleRuns.Copy("fw-1.1");
        var cells = SampleRuns.Results(b).Select(r => r.Cell).ToList();
        SampleRuns.Edit(b, cells[0], r =>
        {
            r.EnergyUj *= 1.06;      // +6 %: beyond 5 %
            r.LatencyUs *= 0.96;     // -4 %: within
        });
        SampleRuns.Edit(b, cells[1], r => r.EnergyUj *= 0.90);   // -10 %: better

        var result = RunComparison.Compare(SampleRuns.Results(a), SampleRuns.Results(b), new Tolerance());

        Assert.IsTrue(result.MatchedOnFirmware);
        Assert.AreEqual(2, result.MatchedCells);
        var worse = result.Worse.Single();
        Assert.AreEqual("energy_uj", worse.Figure);
        Assert.AreEqual(6.0, worse.Change, 1e-6);
        var better = result.Better.Single();
        Assert.AreEqual("energy_uj", better.Figure);
        Assert.AreEqual(-10.0, better.Change, 1e-6);
        Assert.AreEqual(0, RunComparison.Compare(SampleRuns.Results(a), SampleRuns.Results(b), new Tolerance().With("energy=7%").With("latency=7%")).Worse.Count() - 0,
            "with 7 % the +6 % is within");

        SampleRuns.Edit(b, cells[1], r => r.Status = CellStatus.Failed);
        var failed = RunComparison.Compare(SampleRuns.Results(a), SampleRuns.Results(b), new Tolerance().With("energy=7%"));
        Assert.AreEqual("status", failed.Worse.Single().Figure);
    }

    [TestMethod]
    public async Task The_compare_command_exits_12_on_a_regression_0_without_and_reads_runs_from_the_store()
    {
        string a = SampleRuns.Copy("fw-1.0");
        string b = SampleRuns.Copy("fw-1.1");
        string c = SampleRuns.Copy("fw-1.2");
        SampleRuns.Edit(b, SampleRuns.Results(b)[0].Cell, r => r.LatencyUs *= 1.2);
        string storeFolder = Edge.TestSupport.RepoPaths.TempDirectory("compare-store");
        using (var store = Edge.Store.ArtifactStore.Open(Edge.Store.StoreLocation.Parse(storeFolder)))
        {
            await RunArchive.PushAsync(store, a, "fw-1.0", "bench-a");
            await RunArchive.PushAsync(store, b, "fw-1.1", "bench-a");
        }
        var (output, error) = (new StringWriter(), new StringWriter());
        string cache = Edge.TestSupport.RepoPaths.TempDirectory("cache");
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", cache);
        try
        {
            int regressed = EdgeCli.Run(["hil", "compare", "fw-1.0", "fw-1.1", "--store", storeFolder], output, error);
            int same = EdgeCli.Run(["hil", "compare", a, c], new StringWriter(), error);

            Assert.AreEqual((int)ExitCode.Regressed, regressed, error.ToString());
            StringAssert.Contains(output.ToString(), "worse");
            StringAssert.Contains(output.ToString(), "latency_us");
            StringAssert.Contains(output.ToString(), "+20%");
            Assert.AreEqual((int)ExitCode.Ok, same, error.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", null);
        }
    }
}
