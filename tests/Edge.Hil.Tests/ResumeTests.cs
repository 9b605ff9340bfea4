using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Hil.Rigs;
using Edge.Hil.Run;
using Edge.Common.Files;
using Edge.Hil.Storage;
using Edge.Hil.Tests.Support;
using Edge.TestSupport;

namespace Edge.Hil.Tests;

/// <summary>
/// Unattended and restartable: a run killed after its first cell keeps that cell, --resume
/// measures only the rest and leaves the finished one untouched; a full disk stops the run
/// with the file named and loses nothing written before; shards of one matrix, run into one
/// folder, add up to the whole matrix without overlapping.
/// </summary>
[TestClass]
public sealed class ResumeTests
{
    private const string RigYaml = """
        rig: restart
        measurement: { warmup: 1, inferences: 3, accuracy-rows: 40, cell-timeout: 30s, retries: 1 }
        boards:
          - name: f746
            kind: simulated
            profile: nucleo-f746zg
            monitor: { kind: simulated }
        """;

    private static HilRunOptions Options(Rig rig, string output, bool resume = false, Shard? shard = null) => new()
    {
        Rig = rig,
        Models = [ConvertedModels.Both],
        Data = [RepoPaths.MotorFlux("test_164V.features.csv")],
        Firmware = ["1.0.0", "1.1.0"],
        OutputDirectory = output,
        Resume = resume,
        Shard = shard ?? Shard.All,
    };

    [TestMethod]
    public async Task AKilledRunResumesWhereItStoppedWithoutRedoingOrLosingCells()
    {
        string folder = RepoPaths.TempDirectory("hil-resume");
        var rig = Fixtures.Rig(RigYaml, folder);
        string output = Path.Combine(folder, "out");
        using var kill = new CancellationTokenSource();
        var first = new RecordingProgress(kill, cells: 1);
        await Assert.ThrowsAsync<OperationCanceledException>(() => HilRunner.RunAsync(Options(rig, output), first, kill.Token));
        var directory = RunDirectory.Existing(output);
        var done = Directory.GetFiles(directory.CellsFolder, "*.json");
        Assert.AreEqual(1, done.Length, first.ToString());
        string keptCell = Path.GetFileNameWithoutExtension(done[0]);
        Assert.AreEqual("flux_autoencoder@f746@1.0.0", keptCell);
        byte[] keptBytes = File.ReadAllBytes(done[0]);
        var keptTime = File.GetLastWriteTimeUtc(done[0]);
        Assert.AreEqual(1, ResultJson.Deserialize<List<CellResult>>(File.ReadAllBytes(directory.ResultsJsonPath))!.Count, "what was done is combined even when killed");

        var second = new RecordingProgress();
        var summary = await HilRunner.RunAsync(Options(rig, output, resume: true), second, CancellationToken.None);
        Assert.AreEqual(4, summary.Results.Count);
        Assert.AreEqual(4, summary.Ok, second.ToString());
        Assert.AreEqual(1, summary.Kept);
        Assert.AreEqual(3, summary.Ran);
        CollectionAssert.AreEqual(new[] { (keptCell, CellStatus.Ok, true) }, second.Finished.Where(f => f.Resumed).ToArray());
        CollectionAssert.AreEqual(keptBytes, File.ReadAllBytes(done[0]), "the finished cell was not measured again");
        Assert.AreEqual(keptTime, File.GetLastWriteTimeUtc(done[0]));
        Assert.IsTrue(summary.Results.All(r => r.FirmwareReported == r.Firmware), "the simulated board reports the revision it was started with");
        Assert.AreEqual(0, Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories).Length, "no temporary files left");
    }

    [TestMethod]
    public async Task ARunKilledInTheMiddleOfACellLeavesNoTraceOfThatCell()
    {
        string folder = RepoPaths.TempDirectory("hil-kill-mid");
        var rig = Fixtures.Rig(RigYaml, folder);
        string output = Path.Combine(folder, "out");
        using var kill = new CancellationTokenSource();
        var progress = new RecordingProgress(kill, cells: 1, killAt: CellPhase.Measure);
        await Assert.ThrowsAsync<OperationCanceledException>(() => HilRunner.RunAsync(Options(rig, output), progress, kill.Token));
        var directory = RunDirectory.Existing(output);
        Assert.AreEqual(1, Directory.GetFiles(directory.CellsFolder).Length, progress.ToString());
        Assert.IsFalse(File.Exists(directory.TracePath("flux_mlp@f746@1.0.0")), "the interrupted cell wrote nothing");
        var summary = await HilRunner.RunAsync(Options(rig, output, resume: true), NoProgress.Instance, CancellationToken.None);
        Assert.AreEqual((4, 1, 3), (summary.Ok, summary.Kept, summary.Ran));
    }

    [TestMethod]
    public async Task ResumeMeasuresAgainWhatChanged()
    {
        string folder = RepoPaths.TempDirectory("hil-resume-changed");
        var rig = Fixtures.Rig(RigYaml, folder);
        string output = Path.Combine(folder, "out");
        await HilRunner.RunAsync(Options(rig, output) with { Firmware = ["1.0.0"] }, NoProgress.Instance, CancellationToken.None);
        var changed = await HilRunner.RunAsync(Options(rig, output, resume: true) with { Firmware = ["1.0.0"], Plan = rig.Measurement with { Inferences = 2 } },
            NoProgress.Instance, CancellationToken.None);
        Assert.AreEqual(0, changed.Kept, "a new measurement plan re-measures every cell");
        Assert.IsTrue(changed.Results.All(r => r.Inferences == 2));
    }

    [TestMethod]
    public async Task AnotherMatrixInTheSameFolderIsRefusedWithoutResume()
    {
        string folder = RepoPaths.TempDirectory("hil-other");
        var rig = Fixtures.Rig(RigYaml, folder);
        string output = Path.Combine(folder, "out");
        await HilRunner.RunAsync(Options(rig, output) with { Models = [ConvertedModels.Mlp], Firmware = ["1.0.0"] }, NoProgress.Instance, CancellationToken.None);
        var e = await Assert.ThrowsExactlyAsync<Inputs.HilInputException>(() => HilRunner.RunAsync(Options(rig, output), NoProgress.Instance, CancellationToken.None));
        StringAssert.Contains(e.Message, "holds another run");
        StringAssert.Contains(e.Message, "--resume");
    }

    [TestMethod]
    public async Task AFullDiskStopsTheRunNamingTheFileAndKeepsWhatWasWritten()
    {
        string folder = RepoPaths.TempDirectory("hil-full");
        var rig = Fixtures.Rig(RigYaml, folder);
        string output = Path.Combine(folder, "out");
        var directory = RunDirectory.Create(output);
        // The second cell's result goes to a temporary file first: make that /dev/full, where every write fails with ENOSPC.
        string second = directory.CellPath("flux_mlp@f746@1.0.0");
        File.CreateSymbolicLink(AtomicFile.TemporaryFor(second), "/dev/full");
        var e = await Assert.ThrowsExactlyAsync<ResultWriteException>(() => HilRunner.RunAsync(Options(rig, output), NoProgress.Instance, CancellationToken.None));
        StringAssert.Contains(e.Message, second);
        StringAssert.Contains(e.Message, "the disk is full");
        Assert.IsFalse(e.Message.Contains(".tmp", StringComparison.Ordinal), "the message names the result file, not the temporary one beside it");
        StringAssert.Contains(e.Message, "--resume");
        Assert.IsTrue(File.Exists(directory.CellPath("flux_autoencoder@f746@1.0.0")), "the cell written before is kept");
        Assert.IsFalse(File.Exists(second));

        var summary = await HilRunner.RunAsync(Options(rig, output, resume: true), NoProgress.Instance, CancellationToken.None);
        Assert.AreEqual(4, summary.Ok);
        Assert.AreEqual(1, summary.Kept);
    }

    [TestMethod]
    public async Task ShardsSplitTheMatrixAndAddUpToIt()
    {
        string folder = RepoPaths.TempDirectory("hil-shards");
        var rig = Fixtures.Rig(RigYaml, folder);
        string output = Path.Combine(folder, "out");
        var one = await HilRunner.RunAsync(Options(rig, output, shard: new Shard(1, 2)), NoProgress.Instance, CancellationToken.None);
        var two = await HilRunner.RunAsync(Options(rig, output, shard: new Shard(2, 2)), NoProgress.Instance, CancellationToken.None);
        Assert.AreEqual(4, one.Ran + two.Ran, "each cell measured once, by one shard");
        Assert.IsTrue(one.Ran > 0 && two.Ran > 0, "the split of these four keys is not empty on either side");
        Assert.AreEqual(4, two.Results.Count, "the second shard's combined results hold the whole matrix");
    }
}
