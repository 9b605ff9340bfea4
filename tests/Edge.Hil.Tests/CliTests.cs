using Edge.Cli;
using Edge.Hil.Tests.Support;
using Edge.TestSupport;

namespace Edge.Hil.Tests;

/// <summary>`edge hil rigs | run | report` as a user runs them: output, files, exit codes, and errors that name what is wrong.</summary>
[TestClass]
public sealed class CliTests
{
    [TestMethod]
    public void RigsChecksAndDescribesTheSimulatedRig()
    {
        var run = EdgeRun.Of("hil", "rigs", Fixtures.SimRig);
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Out, "rig 'sim'");
        StringAssert.Contains(run.Out, "f746zg-sim: simulated nucleo-f746zg, 3.3 V, simulated monitor (Binary), staging 8192 B, arena 4096 B, managed heap 63,440 B (49,192 B after nanoCLR; ");
        StringAssert.Contains(run.Out, "2 warm-up + 10 measured inferences at 100kHz");
    }

    [TestMethod]
    public void RigsNamesTheLineOfABadKey()
    {
        string file = Path.Combine(RepoPaths.TempDirectory("hil-cli-rig"), "bad.yaml");
        File.WriteAllText(file, "rig: x\nboards:\n  - name: a\n    kind: simulated\n    profil: nucleo-f746zg\n");
        var run = EdgeRun.Of("hil", "rigs", file);
        Assert.AreEqual((int)ExitCode.InvalidInput, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "bad.yaml: line 5");
        StringAssert.Contains(run.Error, "unknown key 'profil'");
    }

    [TestMethod]
    public void RunThenReport()
    {
        string output = Path.Combine(RepoPaths.TempDirectory("hil-cli"), "run");
        var run = EdgeRun.Of("hil", "run", "--rig", Fixtures.SimRig, "--models", ConvertedModels.Mlp, "-d", RepoPaths.MotorFlux("test_164V.features.csv"),
            "--boards", "f401re-sim", "--firmware", "2.0.1", "-n", "3", "--warmup", "1", "--accuracy-rows", "30", "--out", output);
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Out, "1 model(s) x 1 board(s) x 1 firmware = 1 cells");
        // The simulated F401RE's energy follows its cost model (measured instruction counts x CPI band).
        double printed = double.Parse(System.Text.RegularExpressions.Regex.Match(run.Out, @"flux_mlp@f401re-sim@2\.0\.1: ([0-9.]+) uJ").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        double modelled = Edge.Board.Simulation.BoardProfile.NucleoF401re.InferenceMicrojoules(Edge.Targets.Costs.ModelWork.Of(Edge.Device.Model.ModelReader.Read(File.ReadAllBytes(ConvertedModels.Mlp))));
        Assert.AreEqual(modelled, printed, modelled * 0.02, run.Out);
        StringAssert.Contains(run.Out, "1 measured, 0 too large for their board, 0 failed");
        Assert.IsTrue(File.Exists(Path.Combine(output, "results.parquet")));

        var report = EdgeRun.Of("hil", "report", output);
        Assert.AreEqual(0, report.ExitCode, report.ToString());
        StringAssert.Contains(report.Out, "1 cells, 1 measured, 1 trace(s)");
        Assert.IsTrue(File.Exists(Path.Combine(output, "report.html")));

        var again = EdgeRun.Of("hil", "run", "--rig", Fixtures.SimRig, "--models", ConvertedModels.Mlp, "-d", RepoPaths.MotorFlux("test_164V.features.csv"),
            "--boards", "f401re-sim", "--firmware", "2.0.1", "-n", "3", "--warmup", "1", "--accuracy-rows", "30", "--out", output, "--resume");
        Assert.AreEqual(0, again.ExitCode, again.ToString());
        StringAssert.Contains(again.Out, "flux_mlp@f401re-sim@2.0.1: kept (ok)");
    }

    [TestMethod]
    public void FailedCellsGiveExitCodeEleven()
    {
        string folder = RepoPaths.TempDirectory("hil-cli-fail");
        string rig = Path.Combine(folder, "rig.yaml");
        File.WriteAllText(rig, """
            rig: dropping
            measurement: { warmup: 1, inferences: 3, accuracy-rows: 20, retries: 0 }
            boards:
              - name: f746
                kind: simulated
                profile: nucleo-f746zg
                simulation: { monitor-faults: drop@30ms }
            """);
        var run = EdgeRun.Of("hil", "run", "-r", rig, "-m", ConvertedModels.Mlp, "-d", RepoPaths.MotorFlux("test_164V.features.csv"), "-o", Path.Combine(folder, "out"));
        Assert.AreEqual((int)ExitCode.RunIncomplete, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Out, "flux_mlp@f746@current: failed in measure: attempt 1 (measure): Lost the connection to the monitor");
    }

    [TestMethod]
    public void AModelThatCannotBePreparedIsAnInputErrorNotFailedCells()
    {
        string folder = RepoPaths.TempDirectory("hil-cli-unprepared");
        string broken = Path.Combine(folder, "flux_broken.onnx");
        File.WriteAllBytes(broken, File.ReadAllBytes(RepoPaths.MotorFlux("flux_mlp.onnx"))[..1500]);
        var run = EdgeRun.Of("hil", "run", "--rig", Fixtures.SimRig, "--models", ConvertedModels.Mlp, broken, "-d", RepoPaths.MotorFlux("test_164V.features.csv"),
            "--boards", "f401re-sim", "-n", "3", "--warmup", "1", "--accuracy-rows", "30", "--out", Path.Combine(folder, "out"));
        Assert.AreEqual((int)ExitCode.InvalidInput, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Out, "flux_mlp@f401re-sim@current: ", "the good model was still measured");
        Assert.AreEqual(1, run.Error.Split('\n').Count(l => l.StartsWith("error: ", StringComparison.Ordinal)), run.ToString());
        StringAssert.Contains(run.Error, "error: model flux_broken could not be prepared: ");
    }

    [TestMethod]
    public void MissingFirmwareImagesStopTheRunBeforeItStarts()
    {
        var run = EdgeRun.Of("hil", "run", "-r", Path.Combine(RepoPaths.Root, "hil-rigs", "bench-example.yaml"), "-m", ConvertedModels.Mlp,
            "-d", RepoPaths.MotorFlux("test_164V.features.csv"), "-o", Path.Combine(RepoPaths.TempDirectory("hil-cli-images"), "out"), "--firmware", "1.3.0");
        Assert.AreEqual((int)ExitCode.InvalidInput, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "firmware '1.3.0': app ");
        StringAssert.Contains(run.Error, "does not exist");
    }

    [TestMethod]
    public void BadInputsAreNamed()
    {
        string output = Path.Combine(RepoPaths.TempDirectory("hil-cli-bad"), "out");
        string features = RepoPaths.MotorFlux("test_164V.features.csv");
        var missing = EdgeRun.Of("hil", "run", "-r", Fixtures.SimRig, "-m", "no/such/model.onnx", "-d", features, "-o", output);
        Assert.AreEqual((int)ExitCode.InvalidInput, missing.ExitCode, missing.ToString());
        StringAssert.Contains(missing.Error, "--models: no/such/model.onnx does not exist");

        var noTable = EdgeRun.Of("hil", "run", "-r", Fixtures.SimRig, "-m", Fixtures.Onnx("flux_cnn1d"), "-d", features, "-o", output);
        Assert.AreEqual((int)ExitCode.InvalidInput, noTable.ExitCode, noTable.ToString());
        StringAssert.Contains(noTable.Error, "no table holds the input of model 'flux_cnn1d' (256 columns named like x0..x255)");
        StringAssert.Contains(noTable.Error, "--data flux_cnn1d=FILE");

        var shard = EdgeRun.Of("hil", "run", "-r", Fixtures.SimRig, "-m", ConvertedModels.Mlp, "-d", features, "-o", output, "--shard", "4/3");
        Assert.AreEqual((int)ExitCode.Usage, shard.ExitCode, shard.ToString());

        var board = EdgeRun.Of("hil", "run", "-r", Fixtures.SimRig, "-m", ConvertedModels.Mlp, "-d", features, "-o", output, "--boards", "f999");
        Assert.AreEqual((int)ExitCode.InvalidInput, board.ExitCode, board.ToString());
        StringAssert.Contains(board.Error, "no board 'f999' (boards: f746zg-sim, f401re-sim)");

        var report = EdgeRun.Of("hil", "report", RepoPaths.TempDirectory("hil-cli-empty"));
        Assert.AreEqual((int)ExitCode.InvalidInput, report.ExitCode, report.ToString());
        StringAssert.Contains(report.Error, "holds no run (no manifest.json)");
    }
}
