using System.Data.Common;
using DuckDB.NET.Data;
using Edge.Hil.Inputs;

namespace Edge.Fleet.Query;

/// <summary>
/// `edge hil query`: SQL (DuckDB) over the results of many runs. The view `results` has one row per cell
/// of every run: the column `run` (the run's name) and the result columns of results.parquet (the
/// schemas of runs by different Edge versions are unioned by name).
/// </summary>
public static class ResultsQuery
{
    public static QueryTable Run(IReadOnlyList<(string Run, string Folder)> runs, string sql)
    {
        var files = runs.Select(r => (r.Run, File: Path.Combine(r.Folder, "results.parquet"))).Where(r => File.Exists(r.File)).ToList();
        if (files.Count == 0) throw new HilInputException("none of the runs has results.parquet (run `edge hil run` or `edge store pull` first)");
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE edge_runs(run VARCHAR, file VARCHAR)");
        using (var appender = connection.CreateAppender("edge_runs"))
        {
            foreach (var (run, file) in files) appender.CreateRow().AppendValue(run).AppendValue(file).EndRow();
        }
        string list = string.Join(", ", files.Select(f => Literal(f.File)));
        Execute(connection, $"""
            CREATE VIEW results AS
            SELECT r.run, p.* EXCLUDE (filename)
            FROM read_parquet([{list}], filename = true, union_by_name = true) p JOIN edge_runs r ON r.file = p.filename
            """);
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (int i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(row);
            }
            return new QueryTable(columns, rows);
        }
        catch (DbException e)
        {
            throw new QueryException(e.Message.Trim(), e);
        }
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}

/// <summary>The query's SQL is wrong (DuckDB's message says where).</summary>
public sealed class QueryException(string message, Exception inner) : Exception(message, inner);
