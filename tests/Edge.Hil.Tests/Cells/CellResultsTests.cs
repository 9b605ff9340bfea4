using System.Text.Json;
using Edge.Board.Client;
using Edge.Board.Simulation;
using Edge.Hil.Cells;
using Edge.Hil.Inputs;
using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Hil.Rigs;
using Edge.Hil.Tests.Support;
using Edge.Models.Verification;
using Edge.Power.Acquisition;
using Edge.Power.Energy;
using Edge.Power.Samples;
using Edge.Power.Session;

namespace Edge.Hil.Tests.Cells;

/// <summary>
/// A result row built from a cell's parts, without running the cell: the identity every row
/// has (a misfit or failed cell's too), and the figures of a measured cell, each worked out by
/// hand from the measurement it is given (energy in µJ from joules, latency from the board's
/// microseconds, the cost model's energy as V·I·t of its own latency).
/// </summary>
[TestClass]
public sealed class CellResultsTests
{
    private static readonly DateTime Started = new(2026, 12, 5, 10, 30, 15, 250, DateTimeKind.Utc);

    private static Rig RigOf(params RigBoard[] boards) => new("bench-7", "", "/rigs/bench-7.yaml", new MeasurementPlan(), boards);

    [TestMethod]
    public void TheIdentityOfAPreparedModelOnASimulatedBoard()
    {
        var board = TestBoards.Simulated("f746/sim 1", budgets: new RigBudgets(4096, 2048, 30000));
        var model = ClampCell.Prepare(n: 8, name: "clamp", folder: "/data/models");
        var cell = new MatrixCell(new ModelSource("clamp", "/data/onnx/clamp.onnx", "/data/models/clamp.edgem"), board, "1.2.0");

        var row = CellResults.Identity(cell, RigOf(board), model, "abc123", Started);

        Assert.AreEqual("clamp@f746_sim_1@1.2.0", row.Cell);
        Assert.AreEqual("clamp", row.Model);
        Assert.AreEqual("clamp.edgem", row.ModelFile, "the .edgem the cell ran when one was given");
        Assert.AreEqual(new string('0', 64), row.OnnxSha256);
        Assert.AreEqual(model.Model.IdHex, row.ModelId);
        Assert.AreEqual(model.EdgemSha256, row.EdgemSha256);
        Assert.AreEqual("given", row.ModelProvenance);
        Assert.AreEqual("f746/sim 1", row.Board);
        Assert.AreEqual("simulated nucleo-f746zg", row.BoardKind);
        Assert.AreEqual(BoardProfile.NucleoF746zg.Target, row.Target);
        Assert.AreEqual("1.2.0", row.Firmware);
        Assert.AreEqual("bench-7", row.Rig);
        Assert.AreEqual("abc123", row.InputsSha256);
        Assert.AreEqual("2026-12-05T10:30:15.2500000Z", row.StartedUtc, "round-trip ISO 8601 in UTC");
        Assert.AreEqual("rows.csv", row.DataFile);
        Assert.AreEqual(model.Edgem.Length, row.ModelBytes);
        Assert.AreEqual(16, row.ArenaBytes, "two 8-byte int8 tensors");
        Assert.AreEqual(0, row.ResidentBytes, "a clamp has no weights");
        Assert.AreEqual((4096, 2048, 30000), (row.StagingBudget, row.ArenaBudget, row.HeapBudget));
        Assert.AreEqual(3.3, row.SupplyVolts);
        Assert.AreEqual("", row.Status, "the outcome is not the identity's to say");
        Assert.IsNull(row.EnergyUj);
    }

    [TestMethod]
    public void ACellWhoseModelWasNotPreparedStillHasItsIdentity()
    {
        var board = TestBoards.Nucleo("f746-1");
        var cell = new MatrixCell(new ModelSource("flux_mlp", "/data/onnx/flux_mlp.onnx", null), board, "current");

        var row = CellResults.Identity(cell, RigOf(board), null, "ff", Started);

        Assert.AreEqual("flux_mlp@f746-1@current", row.Cell);
        Assert.AreEqual("flux_mlp.onnx", row.ModelFile, "without an .edgem the ONNX file is the model's file");
        Assert.AreEqual("nucleo", row.BoardKind);
        Assert.AreEqual("ST_NUCLEO144_F746ZG", row.Target);
        Assert.IsNull(row.OnnxSha256);
        Assert.IsNull(row.ModelId);
        Assert.IsNull(row.EdgemSha256);
        Assert.IsNull(row.ModelProvenance);
        Assert.IsNull(row.DataFile);
        Assert.IsNull(row.ModelBytes);
        Assert.IsNull(row.ArenaBytes);
        Assert.IsNull(row.ResidentBytes);
        Assert.IsNull(row.StagingBudget);
        Assert.IsNull(row.ArenaBudget);
        Assert.IsNull(row.HeapBudget);
    }

    [TestMethod]
    public void AMeasuredCellCarriesEnergyLatencyAndAgreementInItsUnits()
    {
        var model = ClampCell.Prepare();
        var plan = new MeasurementPlan { Warmup = 3, Rate = SamplingRate.FromHertz(50_000) };
        // Three inferences of 1, 2 and 6 µJ over windows of 100, 200 and 300 µs: mean 3 µJ, sample sd sqrt(7) µJ, mean window 200 µs.
        var energy = InferenceEnergyReport.From([1e-6, 2e-6, 6e-6], [100e-6, 200e-6, 300e-6]);
        var measurement = Measurement(energy, new InferenceRun(3, 4500, 1400, 1600, []),
            new OutputComparison(new AgreementMetrics(7, 0.125, 0.0625, 0.01, 0.999, 0.99), 0.75, 2, 0.5, new TaskScores(0.8, 0.9, 0.85), new TaskScores(0.7, 0.88, 0.8)),
            boardFree: 12345, resends: 4, rejected: 1, corrupt: 0, samples: 2222);
        var row = new CellResult { Status = CellStatus.Failed };

        CellResults.Measured(row, measurement, model, plan, costModel: null, "board timeline", "traces/x.bin");

        Assert.AreEqual(CellStatus.Ok, row.Status);
        Assert.AreEqual("1.2.0-reported", row.FirmwareReported);
        Assert.AreEqual(3, row.Inferences);
        Assert.AreEqual(3, row.Warmup);
        Assert.AreEqual(3.0, row.EnergyUj!.Value, 1e-9);
        Assert.AreEqual(Math.Sqrt(7), row.EnergyUjSd!.Value, 1e-9);
        Assert.AreEqual(1.0, row.EnergyUjMin!.Value, 1e-9);
        Assert.AreEqual(6.0, row.EnergyUjMax!.Value, 1e-9);
        Assert.AreEqual(200.0, row.WindowUs!.Value, 1e-9);
        Assert.AreEqual(50_000, row.SampleRateHz);
        Assert.AreEqual(2222, row.TraceSamples);
        Assert.AreEqual(0, row.CorruptBytes);
        Assert.AreEqual("board timeline", row.WindowsFrom);
        Assert.AreEqual("traces/x.bin", row.TraceFile);
        Assert.AreEqual(1500.0, row.LatencyUs);
        Assert.AreEqual(1400.0, row.LatencyUsMin);
        Assert.AreEqual(1600.0, row.LatencyUsMax);
        Assert.IsNull(row.ExpectedEnergyUj, "no cost model: a real board's row has no expected figures");
        Assert.IsNull(row.ExpectedLatencyUs);
        Assert.IsNull(row.ExpectedLatencyUsLow);
        Assert.IsNull(row.ExpectedLatencyUsHigh);
        Assert.IsNull(row.ExpectedLatency);
        Assert.AreEqual(7, row.AccuracyRows);
        Assert.AreEqual("vector", row.Task, "a model without task metadata is a vector model");
        Assert.AreEqual((0.125, 0.0625, 0.01, 0.999, 0.99), (row.MaxAbsError, row.Rmse, row.L2RelativeError, row.Cosine, row.MinRowCosine));
        Assert.AreEqual(0.75, row.DecisionAgreement);
        Assert.AreEqual((0.8, 0.7), (row.F1Float, row.F1Board));
        Assert.AreEqual((0.9, 0.88), (row.AucFloat, row.AucBoard));
        Assert.AreEqual((0.85, 0.8), (row.AccuracyFloat, row.AccuracyBoard));
        Assert.AreEqual(12345L, row.BoardFreeBytes);
        Assert.AreEqual(4L, row.LinkResends);
        Assert.AreEqual(1L, row.LinkFramesRejected);
    }

    [TestMethod]
    public void WithoutLabelsTheTaskScoresStayEmptyAndAnUnknownFreeMemoryStaysNull()
    {
        var energy = InferenceEnergyReport.From([5e-6], [1e-3]);
        var measurement = Measurement(energy, new InferenceRun(1, 900, 900, 900, []),
            new OutputComparison(new AgreementMetrics(7, 0, 0, 0, 1, 1), null, null, null, null, null), boardFree: null, resends: 0, rejected: 0, corrupt: 3, samples: 10);
        var row = new CellResult();

        CellResults.Measured(row, measurement, ClampCell.Prepare(), new MeasurementPlan(), null, "threshold 80 mA", "t");

        Assert.AreEqual(0.0, row.EnergyUjSd, "one inference has no spread");
        Assert.AreEqual(1000.0, row.WindowUs!.Value, 1e-9);
        Assert.AreEqual(3L, row.CorruptBytes);
        Assert.AreEqual(2, row.Warmup, "the plan's default warm-up");
        Assert.IsNull(row.DecisionAgreement);
        Assert.IsNull(row.F1Float);
        Assert.IsNull(row.F1Board);
        Assert.IsNull(row.AucFloat);
        Assert.IsNull(row.AucBoard);
        Assert.IsNull(row.AccuracyFloat);
        Assert.IsNull(row.AccuracyBoard);
        Assert.IsNull(row.BoardFreeBytes);
        Assert.AreEqual(0L, row.LinkResends, "zero resends is a figure, not a gap");
    }

    [TestMethod]
    public void ASimulatedCellCarriesTheCostModelsFiguresWithEnergyAsSupplyTimesCurrentTimesTime()
    {
        var profile = BoardProfile.NucleoF401re;
        var row = new CellResult();
        var measurement = Measurement(InferenceEnergyReport.From([1e-6], [1e-4]), new InferenceRun(1, 10, 10, 10, []),
            new OutputComparison(new AgreementMetrics(1, 0, 0, 0, 1, 1), null, null, null, null, null), null, 0, 0, 0, 1);

        CellResults.Measured(row, measurement, ClampCell.Prepare(), new MeasurementPlan(), profile, "board timeline", "t");

        double micros = row.ExpectedLatencyUs!.Value;
        Assert.IsTrue(micros > 0);
        Assert.IsTrue(row.ExpectedLatencyUsLow < micros && micros < row.ExpectedLatencyUsHigh, $"{row.ExpectedLatencyUsLow} < {micros} < {row.ExpectedLatencyUsHigh}");
        Assert.AreEqual((row.ExpectedLatencyUsLow!.Value + row.ExpectedLatencyUsHigh!.Value) / 2, micros, 1e-9, "the middle of the CPI band");
        // E = V · I_active · t: 3.3 V, 30 mA, in µJ when t is in µs.
        Assert.AreEqual(3.3 * 0.030 * micros, row.ExpectedEnergyUj!.Value, 1e-9);
        StringAssert.Contains(row.ExpectedLatency, profile.Board.Name);
    }

    [TestMethod]
    public void AFreshRowSerialisesItsTextColumnsAsEmptyTextNotNull()
    {
        // A cell that failed before anything was known still has every identity column as text.
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(new CellResult()));
        foreach (string column in new[] { "cell", "model", "model_file", "board", "board_kind", "target", "firmware", "rig", "status", "inputs_sha256", "started_utc" })
            Assert.AreEqual("", json.RootElement.GetProperty(column).GetString(), column);
        Assert.AreEqual(JsonValueKind.Null, json.RootElement.GetProperty("energy_uj").ValueKind);
    }

    private static CellMeasurement Measurement(InferenceEnergyReport energy, InferenceRun measured, OutputComparison accuracy, long? boardFree, long resends, long rejected,
        long corrupt, long samples)
    {
        var settings = new AcquisitionSettings();
        var summary = new AcquisitionSummary(settings, new StreamStatistics(samples, 0, corrupt, corrupt > 0 ? 1 : 0, 0), AcquisitionEnd.EndMarker, false, false);
        var trace = new CurrentTrace(100_000, 3.3, new float[4], 4, []);
        return new CellMeasurement("1.2.0-reported", trace, summary, [], energy, measured, accuracy, boardFree, resends, rejected);
    }
}
