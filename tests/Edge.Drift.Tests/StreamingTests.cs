using Edge.Data;
using Edge.Data.Streaming;
using Edge.Drift.Output;
using Edge.Drift.Profiles;
using Edge.Drift.Replay;
using Edge.TestSupport;
using Parquet;
using Parquet.Schema;

namespace Edge.Drift.Tests;

/// <summary>Profiles and replays read their tables in passes: the same answers as sorting in memory, whatever the file format.</summary>
[TestClass]
public sealed class StreamingTests
{
    /// <summary>
    /// The selection finds order statistics by narrowing histograms over several passes when a
    /// column is larger than it may hold; every rank equals the sorted array's, with ties, both
    /// zeros, negatives and a value range spanning many decades.
    /// </summary>
    [TestMethod]
    [DataRow(1, DisplayName = "seed 1")]
    [DataRow(2, DisplayName = "seed 2")]
    public void ExactSelectionEqualsSorting(int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, 50_000).Select(i => (i % 10) switch
        {
            0 => 0.0,
            1 => -0.0,
            2 => 3.5, // many ties
            3 => -Math.Exp(random.NextDouble() * 40),
            _ => random.NextDouble() * Math.Pow(10, random.Next(-8, 9)),
        }).ToArray();
        var sorted = values.Order().ToArray();
        var ranks = new long[] { 0, 1, 4999, 5000, 12_345, 25_000, 25_001, 37_500, 49_998, 49_999 };
        var selection = new ExactSelection(values.Length, ranks, sorted[0], sorted[^1], collectLimit: 1024);
        int passes = 0;
        while (!selection.Done)
        {
            foreach (double v in values) selection.Add(v);
            selection.EndPass();
            passes++;
        }
        Assert.IsTrue(passes > 1, "the limit forces histogram passes");
        foreach (long rank in ranks) Assert.AreEqual(sorted[rank], selection[rank], $"rank {rank}");
    }

    /// <summary>Bin edges read in passes from the file are numpy's linear quantiles of the sorted column (computed here independently).</summary>
    [TestMethod]
    public void ProfileEdgesAreTheSortedColumnsQuantiles()
    {
        var profile = ProfileBuilder.Build(TableReader.Open(RepoPaths.MotorFlux("train_164V.features.csv")), MotorFluxFixture.Options);
        var column = profile.Columns.Single(c => c.Name == "f9");
        var sorted = MotorFluxFixture.Train.Numbers("f9").Order().ToArray();
        for (int k = 1; k < MotorFluxFixture.Options.Bins; k++)
        {
            double position = (double)k / MotorFluxFixture.Options.Bins * (sorted.Length - 1);
            int below = (int)Math.Floor(position);
            double expected = sorted[below] + (sorted[Math.Min(below + 1, sorted.Length - 1)] - sorted[below]) * (position - below);
            Assert.AreEqual(Device.Numerics.FixedPointInput.FromDouble(expected, column.Shift), column.Edges[k - 1], $"edge {k}");
        }
    }

    /// <summary>The same rows replayed from CSV, from Parquet (row groups that cut across windows and chunks) and from memory report the same windows.</summary>
    [TestMethod]
    public async Task ReplayFromCsvParquetAndMemoryAgree()
    {
        string csvPath = RepoPaths.MotorFlux("drift_289V.features.csv");
        var table = MotorFluxFixture.Read("drift_289V");
        string parquetPath = Path.Combine(RepoPaths.TempDirectory("replay-parquet"), "drift.parquet");
        var names = MotorFluxFixture.Features.Append("load").ToArray();
        var fields = MotorFluxFixture.Features.Select(n => new DataField<double>(n)).Cast<DataField>().Append(new DataField<string>("load")).ToArray();
        await using (var stream = File.Create(parquetPath))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
            for (int start = 0; start < table.RowCount; start += 777)
            {
                int count = Math.Min(777, table.RowCount - start);
                using var group = writer.CreateRowGroup();
                foreach (var field in fields.Take(64))
                    await group.WriteAsync<double>((DataField<double>)field, table.Numbers(field.Name).AsMemory(start, count));
                await group.WriteAsync((DataField<string>)fields[^1], table.Texts("load").Skip(start).Take(count).ToArray());
            }
        }
        var options = new ReplayOptions { Precision = InputPrecision.Double };
        string Json(TableSource source)
        {
            var writer = new StringWriter();
            ReplayJson.Write(writer, ReplayRunner.Run(MotorFluxFixture.Profile, "p", source, options) with { DataSource = "data" });
            return writer.ToString();
        }
        string fromMemory = Json(table);
        Assert.AreEqual(fromMemory, Json(TableReader.Open(csvPath)));
        Assert.AreEqual(fromMemory, Json(TableReader.Open(parquetPath)));
        StringAssert.Contains(fromMemory, "\"windows\"");
    }
}
