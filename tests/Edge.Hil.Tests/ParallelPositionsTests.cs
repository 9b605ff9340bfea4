using Edge.Common.Files;
using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Hil.Rigs;
using Edge.Hil.Run;
using Edge.Hil.Storage;
using Edge.Hil.Tests.Support;
using Edge.TestSupport;

namespace Edge.Hil.Tests;

/// <summary>
/// Positions with monitors of their own are measured at the same time, positions sharing a
/// monitor one after another. Proved by recorded state (<see cref="OverlapProbe"/>: which cells
/// are in progress and measuring, with a barrier that only opens when all of them measure), not
/// by timing; and the results of a parallel run equal a sequential run's.
/// </summary>
[TestClass]
public sealed class ParallelPositionsTests
{
    // a and b take turns on one simulated monitor ("shared"); c has its own.
    private const string SharedRigYaml = """
        rig: parallel
        measurement: { warmup: 1, inferences: 3, accuracy-rows: 40, cell-timeout: 60s, retries: 0 }
        boards:
          - name: a
            kind: simulated
            profile: nucleo-f746zg
            monitor: { kind: simulated, name: shared }
          - name: b
            kind: simulated
            profile: nucleo-f746zg
            monitor: { kind: simulated, name: shared }
          - name: c
            kind: simulated
            profile: nucleo-f746zg
            monitor: { kind: simulated }
        """;

    private static Rig s_rig = null!;
    private static OverlapProbe s_parallelProbe = null!;
    private static OverlapProbe s_sequentialProbe = null!;
    private static RunSummary s_parallel = null!;
    private static RunSummary s_sequential = null!;

    private static HilRunOptions Options(Rig rig, string output, int? parallel = null) => new()
    {
        Rig = rig,
        Models = [ConvertedModels.Both],
        Data = [RepoPaths.MotorFlux("test_164V.features.csv")],
        OutputDirectory = output,
        MaxParallelPositions = parallel,
    };

    [ClassInitialize]
    public static async Task RunInParallelAndInSequence(TestContext context)
    {
        string folder = RepoPaths.TempDirectory("hil-parallel");
        s_rig = Fixtures.Rig(SharedRigYaml, folder);
        s_parallelProbe = new OverlapProbe();
        s_parallel = await HilRunner.RunAsync(Options(s_rig, Path.Combine(folder, "parallel")), s_parallelProbe, CancellationToken.None);
        s_sequentialProbe = new OverlapProbe();
        s_sequential = await HilRunner.RunAsync(Options(s_rig, Path.Combine(folder, "sequential"), parallel: 1), s_sequentialProbe, CancellationToken.None);
    }

    [TestMethod]
    public void BoardsSharingAMonitorFormOneLaneAndTheOthersTheirOwn()
    {
        var cells = RunMatrix.Build(s_rig, ModelCatalog(), [FirmwareVersions.Current]);
        var lanes = PositionLane.Plan(cells);
        CollectionAssert.AreEqual(new[] { "a,b", "c" }, lanes.Select(l => string.Join(",", l.Boards.Select(b => b.Name))).ToArray());
        Assert.AreEqual("shared", lanes[0].SharedSimulatedMonitor);
        Assert.IsNull(lanes[1].SharedSimulatedMonitor, "one board: its own monitor");
        // Matrix order inside a lane: a's cells, then b's.
        CollectionAssert.AreEqual(cells.Where(c => c.Board.Name != "c").Select(c => c.Key).ToArray(), lanes[0].Cells.Select(c => c.Key).ToArray());
    }

    [TestMethod]
    public void PositionsWithMonitorsOfTheirOwnMeasureAtTheSameTime()
    {
        Assert.AreEqual(0, s_parallelProbe.Violations.Count, string.Join("\n", s_parallelProbe.Violations));
        Assert.AreEqual(6, s_parallelProbe.Finished);
        Assert.AreEqual(2, s_parallelProbe.MaxMeasuring, "the shared monitor's lane and c's lane measured together");
        Assert.IsTrue(s_parallelProbe.MeasuredTogether.Count >= 2, "more than once");
        foreach (var boards in s_parallelProbe.MeasuredTogether)
        {
            CollectionAssert.Contains(boards, "c", "c is the only board with a monitor of its own");
            Assert.AreEqual(2, boards.Length);
        }
    }

    [TestMethod]
    public void PositionsSharingAMonitorNeverOverlap()
    {
        // The probe records a violation when a cell of a or b starts while one of the other is in progress.
        Assert.AreEqual(0, s_parallelProbe.Violations.Count, string.Join("\n", s_parallelProbe.Violations));
        Assert.IsTrue(s_parallelProbe.MeasuredTogether.All(boards => !(boards.Contains("a") && boards.Contains("b"))));
        Assert.AreEqual(2, s_parallelProbe.MaxInProgress, "three boards, two monitors: never more than two cells at once");
    }

    [TestMethod]
    public void OnePositionAtATimeWhenAskedTo()
    {
        Assert.AreEqual(0, s_sequentialProbe.Violations.Count, string.Join("\n", s_sequentialProbe.Violations));
        Assert.AreEqual(1, s_sequentialProbe.MaxInProgress);
        Assert.AreEqual(0, s_sequentialProbe.MeasuredTogether.Count);
    }

    [TestMethod]
    public void AParallelRunsResultsEqualASequentialRuns()
    {
        Assert.AreEqual(6, s_parallel.Ok, string.Join("\n", s_parallel.Results.Select(r => $"{r.Cell}: {r.Status} {r.Reason}")));
        Assert.AreEqual(6, s_sequential.Ok);
        CollectionAssert.AreEqual(s_sequential.Results.Select(r => r.Cell).ToArray(), s_parallel.Results.Select(r => r.Cell).ToArray(), "same cells, in matrix order");
        foreach (var (p, s) in s_parallel.Results.Zip(s_sequential.Results))
        {
            // What the device code computes is the same bytes whatever runs beside it.
            Assert.AreEqual(s.ModelId, p.ModelId, p.Cell);
            Assert.AreEqual(s.InputsSha256, p.InputsSha256, p.Cell);
            Assert.AreEqual(s.FirmwareReported, p.FirmwareReported, p.Cell);
            Assert.AreEqual(s.MaxAbsError, p.MaxAbsError, p.Cell);
            Assert.AreEqual(s.Rmse, p.Rmse, p.Cell);
            Assert.AreEqual(s.Cosine, p.Cosine, p.Cell);
            Assert.AreEqual(s.AucBoard, p.AucBoard, p.Cell);
            Assert.AreEqual(s.ExpectedEnergyUj, p.ExpectedEnergyUj, p.Cell);
            Assert.AreEqual(s.Inferences, p.Inferences, p.Cell);
            // Time and energy follow the cost model on both; they differ only by where the windows
            // fall between the monitor's samples (a few ppm of a 10 ms inference), the board clock's whole microseconds and
            // the host's few microseconds between the board's clock reads.
            Assert.AreEqual(s.EnergyUj!.Value, p.EnergyUj!.Value, s.EnergyUj.Value * 1e-3, p.Cell);
            Assert.AreEqual(s.LatencyUs!.Value, p.LatencyUs!.Value, s.LatencyUs.Value * 1e-3, p.Cell);
            Assert.AreEqual(p.ExpectedEnergyUj!.Value, p.EnergyUj.Value, p.ExpectedEnergyUj.Value * 0.02, p.Cell);
        }
    }

    [TestMethod]
    public async Task AHungBoardAtOnePositionDoesNotHoldUpTheOther()
    {
        string folder = RepoPaths.TempDirectory("hil-parallel-hung");
        var rig = Fixtures.Rig("""
            rig: hung
            measurement: { warmup: 0, inferences: 2, accuracy-rows: 8, cell-timeout: 60s, retries: 0 }
            boards:
              - name: hung
                kind: simulated
                profile: nucleo-f746zg
                monitor: { kind: simulated }
                simulation: { board-fault: silent@measure }
              - name: fine
                kind: simulated
                profile: nucleo-f746zg
                monitor: { kind: simulated }
            """, folder);
        var summary = await HilRunner.RunAsync(Options(rig, Path.Combine(folder, "out")) with { Models = [ConvertedModels.Mlp] }, NoProgress.Instance, CancellationToken.None);
        var byBoard = summary.Results.ToDictionary(r => r.Board);
        Assert.AreEqual(CellStatus.Failed, byBoard["hung"].Status);
        Assert.AreEqual("measure", byBoard["hung"].FailedPhase);
        Assert.AreEqual(CellStatus.Ok, byBoard["fine"].Status, byBoard["fine"].Reason);
    }

    [TestMethod]
    public async Task ARunStoppedWhilePositionsMeasureKeepsWhatFinishedAndResumes()
    {
        string folder = RepoPaths.TempDirectory("hil-parallel-kill");
        var rig = Fixtures.Rig(TwoOwnMonitors, folder);
        string output = Path.Combine(folder, "out");
        using var kill = new CancellationTokenSource();
        // Ctrl+C as the second cell finishes: the other position is somewhere in its cell.
        var first = new RecordingProgress(kill, cells: 2);
        await Assert.ThrowsAsync<OperationCanceledException>(() => HilRunner.RunAsync(Options(rig, output), first, kill.Token));
        var directory = RunDirectory.Existing(output);
        var finished = first.Finished.Select(f => f.Cell).Order(StringComparer.Ordinal).ToArray();
        Assert.IsTrue(finished.Length >= 2, first.ToString());
        CollectionAssert.AreEqual(finished, Directory.GetFiles(directory.CellsFolder, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray(),
            "exactly the cells reported finished have a result file");
        Assert.AreEqual(finished.Length, ResultJson.Deserialize<List<CellResult>>(File.ReadAllBytes(directory.ResultsJsonPath))!.Count, "combined when stopped");
        Assert.AreEqual(0, Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories).Length, "no temporary files left by either position");

        var second = new RecordingProgress();
        var summary = await HilRunner.RunAsync(Options(rig, output) with { Resume = true }, second, CancellationToken.None);
        Assert.AreEqual((4, finished.Length, 4 - finished.Length), (summary.Ok, summary.Kept, summary.Ran), second.ToString());
        CollectionAssert.AreEquivalent(finished, second.Finished.Where(f => f.Resumed).Select(f => f.Cell).ToArray());
    }

    [TestMethod]
    public async Task AResultOnePositionCannotWriteStopsTheOthersAndLosesNothing()
    {
        string folder = RepoPaths.TempDirectory("hil-parallel-full");
        var rig = Fixtures.Rig(TwoOwnMonitors, folder);
        string output = Path.Combine(folder, "out");
        var directory = RunDirectory.Create(output);
        string blocked = directory.CellPath("flux_autoencoder@y@current");
        File.CreateSymbolicLink(AtomicFile.TemporaryFor(blocked), "/dev/full");
        var e = await Assert.ThrowsExactlyAsync<ResultWriteException>(() => HilRunner.RunAsync(Options(rig, output), NoProgress.Instance, CancellationToken.None));
        StringAssert.Contains(e.Message, blocked);
        Assert.IsFalse(File.Exists(blocked));
        File.Delete(AtomicFile.TemporaryFor(blocked));
        var summary = await HilRunner.RunAsync(Options(rig, output) with { Resume = true }, NoProgress.Instance, CancellationToken.None);
        Assert.AreEqual(4, summary.Ok);
        Assert.AreEqual(4, summary.Kept + summary.Ran);
    }

    private const string TwoOwnMonitors = """
        rig: two
        measurement: { warmup: 1, inferences: 3, accuracy-rows: 40, cell-timeout: 60s, retries: 1 }
        boards:
          - name: x
            kind: simulated
            profile: nucleo-f746zg
            monitor: { kind: simulated }
          - name: y
            kind: simulated
            profile: nucleo-f746zg
            monitor: { kind: simulated }
        """;

    private static IReadOnlyList<Inputs.ModelSource> ModelCatalog() => Inputs.ModelCatalog.Resolve([ConvertedModels.Both]);
}
