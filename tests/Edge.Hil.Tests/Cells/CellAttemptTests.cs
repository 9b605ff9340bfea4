using Edge.Board.Client;
using Edge.Board.Link;
using Edge.Board.Simulation;
using Edge.Device.Board;
using Edge.Device.Link;
using Edge.Hil.Cells;
using Edge.Hil.Inputs;
using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Rigs;
using Edge.Hil.Tests.Support;
using Edge.Device.Model;
using Edge.Power.Samples;
using Edge.Power.Simulation;

namespace Edge.Hil.Tests.Cells;

/// <summary>
/// One attempt at one cell, run directly on a simulated position with the clamp model (a few
/// inferences of microseconds, seven accuracy rows): what it measured and where it stops when
/// the bench misbehaves, without the runner, conversion or ONNX Runtime around it. The clamp's
/// outputs are known by hand, so the board agrees with the reference exactly.
/// </summary>
[TestClass]
public sealed class CellAttemptTests
{
    private static readonly MeasurementPlan Plan = new()
    {
        Warmup = 1,
        Inferences = 3,
        Rate = SamplingRate.FromHertz(50_000),
        Settle = TimeSpan.FromMilliseconds(2),
        Tail = TimeSpan.FromMilliseconds(1),
    };

    private static readonly CellPhase[] AllPhases = [CellPhase.Deploy, CellPhase.Connect, CellPhase.Upload, CellPhase.PowerCycle, CellPhase.Measure, CellPhase.Accuracy];

    private static MatrixCell Cell(RigBoard board, string firmware) => new(new ModelSource("clamp", "/m/clamp.onnx", null), board, firmware);

    private static async Task<(CellMeasurement Measurement, List<CellPhase> Seen, CellAttempt Attempt)> RunAsync(ScriptedPosition position, string firmware = "1.1.0",
        PreparedModel? model = null, MeasurementPlan? plan = null, int attempt = 1)
    {
        var seen = new List<CellPhase>();
        var cell = new CellAttempt(position, Cell(position.Board, firmware), model ?? ClampCell.Prepare(), plan ?? Plan, attempt, seen.Add);
        var measurement = await cell.RunAsync(CancellationToken.None);
        return (measurement, seen, cell);
    }

    private static async Task<(T Error, CellAttempt Attempt)> FailsAsync<T>(ScriptedPosition position, string firmware = "1.1.0", PreparedModel? model = null)
        where T : Exception
    {
        var cell = new CellAttempt(position, Cell(position.Board, firmware), model ?? ClampCell.Prepare(), Plan, 2);
        var e = await Assert.ThrowsExactlyAsync<T>(() => cell.RunAsync(CancellationToken.None));
        return (e, cell);
    }

    [TestMethod]
    public async Task ACellGoesThroughEveryPhaseAndMeasuresTheInferencesAndTheRows()
    {
        var board = TestBoards.Simulated(supplyVolts: 3.0);
        await using var position = new ScriptedPosition(board);

        var (m, seen, attempt) = await RunAsync(position, attempt: 2);

        CollectionAssert.AreEqual(AllPhases, seen, "the callback sees each phase once, in order");
        CollectionAssert.AreEqual(AllPhases.Select(p => (p, 2)).ToList(), position.Phases, "the position is told each phase with the attempt");
        Assert.AreEqual(CellPhase.Accuracy, attempt.Phase);
        Assert.AreEqual("1.1.0", m.FirmwareReported);
        // The monitor was set up from the board and the plan; it streams until stopped.
        Assert.AreEqual(3.0, m.Acquisition.Settings.SupplyVolts);
        Assert.AreEqual(SamplingRate.FromHertz(50_000), m.Acquisition.Settings.Rate);
        Assert.AreEqual(SampleFormat.Binary, m.Acquisition.Settings.Format);
        Assert.IsNull(m.Acquisition.Settings.Duration);
        Assert.AreEqual(50_000, m.Trace.SampleRateHertz);
        Assert.AreEqual(3.0, m.Trace.SupplyVolts);
        Assert.IsTrue(m.Trace.DurationSeconds >= 0.003, "settle and tail are in the trace");
        // Only the measured inferences count, one window each.
        Assert.AreEqual(3L, m.Measured.Inferences);
        Assert.AreEqual(3, m.Windows.Count);
        Assert.AreEqual(3, m.Energy.Count);
        Assert.IsTrue(m.Energy.MeanJoules > 0);
        // Warm-up, measured run, then the seven rows in batches of the F746ZG build's two vector slots: 2 + 4.
        Assert.AreEqual(6, position.InferenceCommands);
        Assert.AreEqual(7, m.Accuracy.Agreement.Rows);
        Assert.AreEqual(0, m.Accuracy.Agreement.MaxAbsError, "the board's outputs are the clamp's, worked by hand");
        Assert.AreEqual((0L, 0L), (m.LinkResends, m.LinkFramesRejected));
        Assert.IsTrue(m.BoardFreeBytes is > 0 and < 64 * 1024, $"the simulated F746ZG's modelled free heap after the cell: {m.BoardFreeBytes}");
    }

    [TestMethod]
    public async Task WithoutWarmUpOnlyTheMeasuredInferencesRun()
    {
        await using var position = new ScriptedPosition(TestBoards.Simulated());
        var (m, _, _) = await RunAsync(position, plan: Plan with { Warmup = 0, Inferences = 2 });
        Assert.AreEqual(5, position.InferenceCommands, "the measured run and four batches of rows: no warm-up command");
        Assert.AreEqual(2, m.Windows.Count);
    }

    [TestMethod]
    public async Task TheCurrentRevisionIsWhateverTheBoardRuns()
    {
        await using var position = new ScriptedPosition(TestBoards.Simulated());
        var (m, _, _) = await RunAsync(position, firmware: FirmwareVersions.Current);
        Assert.AreNotEqual(FirmwareVersions.Current, m.FirmwareReported, "the board reports its own version, not the word 'current'");
    }

    [TestMethod]
    public async Task ADeployThatDidNotTakeFailsAtConnectForGood()
    {
        await using var position = new ScriptedPosition(TestBoards.Simulated()) { Flashes = _ => "1.0.0" };
        var (e, attempt) = await FailsAsync<CellFailureException>(position, firmware: "1.1.0");
        Assert.AreEqual("the board reports firmware '1.0.0', not '1.1.0': the deploy did not take", e.Message);
        Assert.IsFalse(e.Retryable, "flashing again would flash the same image");
        Assert.AreEqual(CellPhase.Connect, attempt.Phase);
    }

    [TestMethod]
    public async Task AModelTheRigsBudgetsRefuseIsNotUploaded()
    {
        var board = TestBoards.Simulated(budgets: new RigBudgets(null, 15, null));
        await using var position = new ScriptedPosition(board);
        var (e, attempt) = await FailsAsync<DoesNotFitException>(position);
        Assert.AreEqual("the model needs a 16-byte arena; the budget is 15 bytes (--arena-budget)", e.Message);
        Assert.AreEqual(CellPhase.Upload, attempt.Phase);
        CollectionAssert.DoesNotContain(position.Phases.Select(p => p.Phase).ToList(), CellPhase.PowerCycle);
    }

    [TestMethod]
    public async Task AFileLargerThanTheBoardsStagingAreaIsAMisfitEvenWhenTheHelloOverstatedIt()
    {
        var profile = BoardProfile.NucleoF746zg with { StagingCapacity = 64 };
        await using var position = new ScriptedPosition(TestBoards.Simulated(profile: profile)) { Hello = h => h with { StagingCapacity = 1 << 20 } };
        var model = ClampCell.Prepare();
        var (e, attempt) = await FailsAsync<DoesNotFitException>(position, model: model);
        Assert.AreEqual($"the board refused the upload: the model file is {model.Edgem.Length} bytes, more than its staging area", e.Message);
        Assert.AreEqual(CellPhase.Upload, attempt.Phase);
    }

    [TestMethod]
    public async Task AnArenaTheBoardRefusesIsAMisfit()
    {
        // The rig states no arena budget and the target's preset allows the clamp's 16 bytes; this board's firmware allows 8.
        var profile = BoardProfile.NucleoF746zg with { ArenaBudget = 8 };
        await using var position = new ScriptedPosition(TestBoards.Simulated(profile: profile));
        var (e, attempt) = await FailsAsync<DoesNotFitException>(position);
        StringAssert.StartsWith(e.Message, "the board refused the model: ");
        StringAssert.Contains(e.Message, "arena");
        Assert.AreEqual(CellPhase.Upload, attempt.Phase);
    }

    [TestMethod]
    public async Task AFileTheBoardRefusesForAnotherReasonThanItsArenaIsAFailureNotAMisfit()
    {
        // The checks before the upload read the prepared model; the board gets a damaged file of the same length.
        var good = ClampCell.Prepare();
        byte[] damaged = (byte[])good.Edgem.Clone();
        damaged[0] ^= 0xFF;
        var model = new PreparedModel
        {
            Source = good.Source, OnnxSha256 = good.OnnxSha256, Edgem = damaged, EdgemSha256 = good.EdgemSha256, EdgemPath = good.EdgemPath,
            Model = good.Model, Provenance = good.Provenance, Data = good.Data, DataSha256 = good.DataSha256, Rows = good.Rows, Labels = null,
            Reference = good.Reference, Input = good.Input,
        };
        await using var position = new ScriptedPosition(TestBoards.Simulated());
        var (e, attempt) = await FailsAsync<BoardCommandException>(position, model: model);
        Assert.AreEqual(LinkStatus.InvalidFile, e.Response.Status);
        Assert.IsFalse(e.Response.Message.Contains("arena", StringComparison.OrdinalIgnoreCase), e.Response.Message);
        Assert.AreEqual(CellPhase.Upload, attempt.Phase);
    }

    [TestMethod]
    public async Task ABoardThatCommitsAnotherModelFailsTheUpload()
    {
        // The prepared model says it is the 4-wide clamp, but its file is the 8-wide one.
        var eight = ClampCell.Prepare(n: 8);
        var four = ModelReader.Read(ClampCell.Edgem(4));
        var model = new PreparedModel
        {
            Source = eight.Source, OnnxSha256 = eight.OnnxSha256, Edgem = eight.Edgem, EdgemSha256 = eight.EdgemSha256, EdgemPath = eight.EdgemPath,
            Model = four, Provenance = eight.Provenance, Data = eight.Data, DataSha256 = eight.DataSha256, Rows = eight.Rows, Labels = null,
            Reference = eight.Reference, Input = eight.Input,
        };
        await using var position = new ScriptedPosition(TestBoards.Simulated());
        var (e, attempt) = await FailsAsync<CellFailureException>(position, model: model);
        Assert.AreEqual($"the board committed model {eight.ModelId}, not the uploaded {four.IdHex}", e.Message);
        Assert.IsTrue(e.Retryable);
        Assert.AreEqual(CellPhase.Upload, attempt.Phase);
    }

    [TestMethod]
    public async Task ABoardThatBootsAnotherModelAfterThePowerCycleFails()
    {
        byte[] other = ClampCell.Edgem(4);
        await using var position = new ScriptedPosition(TestBoards.Simulated())
        {
            AfterPowerCycle = async client => await client.UploadAsync(UploadKind.Model, other),
        };
        var model = ClampCell.Prepare();
        var (e, attempt) = await FailsAsync<CellFailureException>(position, model: model);
        Assert.AreEqual($"after the power cycle the board runs {ModelReader.Read(other).IdHex}, not the uploaded {model.ModelId}", e.Message);
        Assert.IsTrue(e.Retryable, "another attempt uploads again");
        Assert.AreEqual(CellPhase.PowerCycle, attempt.Phase);
    }

    [TestMethod]
    public async Task ABoardThatBootsWithoutAModelAfterThePowerCycleFails()
    {
        await using var position = new ScriptedPosition(TestBoards.Simulated()) { FlashErasedInPowerCycle = true };
        var model = ClampCell.Prepare();
        var (e, attempt) = await FailsAsync<CellFailureException>(position, model: model);
        Assert.AreEqual($"after the power cycle the board runs no model, not the uploaded {model.ModelId}", e.Message);
        Assert.IsTrue(e.Retryable, "another attempt uploads again");
        Assert.AreEqual(CellPhase.PowerCycle, attempt.Phase);
    }

    [TestMethod]
    public async Task AnOvercurrentFailsTheCellForGood()
    {
        var simulation = new RigSimulation(new SimulatorFaults { OvercurrentAtSeconds = 0.001 }, null, 0);
        await using var position = new ScriptedPosition(TestBoards.Simulated(simulation: simulation));
        var (e, attempt) = await FailsAsync<CellFailureException>(position);
        Assert.AreEqual("the monitor reported an overcurrent and cut the board's supply", e.Message);
        Assert.IsFalse(e.Retryable);
        Assert.AreEqual(CellPhase.Measure, attempt.Phase);
    }

    // Garbage in the samples; the device timestamp at time 0 carrying the overflow bit, nothing else wrong with the stream.
    [TestMethod]
    [DataRow("garbage@1ms*64", "corrupt bytes in ")]
    [DataRow("overflow@0s", " 0 corrupt bytes in 0 run(s), 1 buffer overflow(s), 0 timestamp mismatch(es)")]
    public async Task ADamagedPowerStreamIsNotMeasured(string fault, string reported)
    {
        var simulation = new RigSimulation(SimulatorFaults.Parse(fault), null, 0);
        await using var position = new ScriptedPosition(TestBoards.Simulated(simulation: simulation));
        var (e, attempt) = await FailsAsync<CellFailureException>(position);
        StringAssert.StartsWith(e.Message, "the power stream was damaged (");
        StringAssert.Contains(e.Message, reported);
        Assert.IsTrue(e.Retryable);
        Assert.AreEqual(CellPhase.Measure, attempt.Phase);
    }

    [TestMethod]
    public async Task GarbageOnTheBoardLineIsCountedInTheLinksFigures()
    {
        var simulation = new RigSimulation(SimulatorFaults.None, new BoardLineFault(BoardLineFaultKind.Garbage, CellPhase.Accuracy), 0);
        await using var position = new ScriptedPosition(TestBoards.Simulated(simulation: simulation));
        var (m, _, _) = await RunAsync(position);
        Assert.IsTrue(m.LinkResends + m.LinkFramesRejected > 0, $"resends {m.LinkResends}, rejected {m.LinkFramesRejected}");
        Assert.AreEqual(0, m.Accuracy.Agreement.MaxAbsError, "and the rows still came back right");
    }
}
