using System.Net;
using System.Xml.Linq;
using Edge.Board.Simulation;
using Edge.TestSupport;

namespace Edge.Cli.Tests;

/// <summary>`edge board` commands against a simulated board listening on loopback, as a user would run them.</summary>
[TestClass]
public sealed class BoardCommandTests
{
    private static string Files => RepoPaths.TempDirectory("cli-board");

    [TestMethod]
    public async Task UploadStreamCaptureAgainstASimulatedBoard()
    {
        using var board = new SimulatedBoard(BoardProfile.NucleoF746zg.WithUnconstrainedMemory(), RepoPaths.TempDirectory("cli-board-flash"), "loom3");
        await using var host = SimulatedBoardHost.ListenTcp(board, IPAddress.Loopback, 0);
        string dir = Files;
        string model = Path.Combine(dir, "mlp.edgem"), profile = Path.Combine(dir, "motor.edgp"), capture = Path.Combine(dir, "retrain.csv");
        string windows = Path.Combine(dir, "loom3.windows.json"), page = Path.Combine(dir, "loom3.html");
        Assert.AreEqual(0, CliRun.Of("model", "convert", RepoPaths.MotorFlux("flux_mlp.onnx"), "--calib", RepoPaths.MotorFlux("train_164V.features.csv"), "-o", model).ExitCode);
        Assert.AreEqual(0, CliRun.Of("drift", "profile", "-d", RepoPaths.MotorFlux("train_164V.features.csv"), "--columns", "f[0-9]*", "--categorical", "load", "--capture-rows", "64", "-o", profile).ExitCode);

        var upload = CliRun.Of("board", "upload", "-p", host.Address, model, profile);
        Assert.AreEqual(0, upload.ExitCode, upload.ToString());
        StringAssert.Contains(upload.Out, "model of");
        StringAssert.Contains(upload.Out, "drift profile of");

        var stream = CliRun.Of("board", "stream", "-p", host.Address, "-m", model, "--profile", profile, "-d", RepoPaths.MotorFlux("drift_289V.features.csv"), "--windows-out", windows);
        Assert.AreEqual(0, stream.ExitCode, stream.ToString());
        StringAssert.Contains(stream.Out, "window    3: 200 samples, 200 anomalous, 64 feature(s) drifted");
        StringAssert.Contains(stream.Out, "confirmed, ALARM");
        StringAssert.Contains(stream.Out, "drift alarm RAISED");

        var info = CliRun.Of("board", "info", "-p", host.Address);
        StringAssert.Contains(info.Out, "alarm RAISED");
        StringAssert.Contains(info.Out, "loom3");

        var fetched = CliRun.Of("board", "capture", "-p", host.Address, "--profile", profile, "-o", capture, "--acknowledge");
        Assert.AreEqual(0, fetched.ExitCode, fetched.ToString());
        Assert.AreEqual(65, File.ReadAllLines(capture).Length, "header and 64 captured rows");
        StringAssert.Contains(CliRun.Of("board", "info", "-p", host.Address).Out, "alarm clear");

        // The board's own window reports and capture, drawn: the windows the stream printed, the
        // capture's 64 rows as the current histograms of every feature.
        var report = CliRun.Of("drift", "report", "--profile", profile, "--board-windows", windows, "--capture", capture, "-o", page);
        Assert.AreEqual(0, report.ExitCode, report.ToString());
        int printed = stream.Out.Split('\n').Count(line => line.TrimStart().StartsWith("window ", StringComparison.Ordinal));
        StringAssert.Contains(report.Out, $"{printed} window(s), drift confirmed at window 3");
        using var reader = System.Xml.XmlReader.Create(page, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Ignore });
        var html = System.Xml.Linq.XDocument.Load(reader);
        var rows = html.Descendants().Where(e => e.Name.LocalName == "table" && (string?)e.Attribute("id") == "window-table").Descendants().Where(e => e.Name.LocalName == "tr").Skip(1).ToList();
        Assert.AreEqual(printed, rows.Count, "one table row per reported window");
        var quality = html.Descendants().Where(e => e.Name.LocalName == "table" && (string?)e.Attribute("id") == "quality-table").Descendants().Where(e => e.Name.LocalName == "tr").Skip(1).ToList();
        Assert.AreEqual(65, quality.Count, "64 spectral features and the load");
        Assert.IsTrue(quality.All(r => r.Elements().ElementAt(2).Value == "64"), "every feature's current side is the 64 captured rows");
        Assert.AreEqual(65, html.Descendants().Count(e => e.Name.LocalName == "svg" && ((string?)e.Attribute("id"))?.StartsWith("feature-", StringComparison.Ordinal) == true), "a histogram per feature");
    }

    [TestMethod]
    public void StreamingToABoardWithoutTheModelSaysSo()
    {
        using var board = new SimulatedBoard(BoardProfile.NucleoF746zg.WithUnconstrainedMemory(), RepoPaths.TempDirectory("cli-board-flash"));
        var host = SimulatedBoardHost.ListenTcp(board, IPAddress.Loopback, 0);
        try
        {
            string model = Path.Combine(Files, "mlp.edgem");
            CliRun.Of("model", "convert", RepoPaths.MotorFlux("flux_mlp.onnx"), "--calib", RepoPaths.MotorFlux("train_164V.features.csv"), "-o", model);
            var run = CliRun.Of("board", "stream", "-p", host.Address, "-m", model, "-d", RepoPaths.MotorFlux("test_164V.features.csv"));
            Assert.AreEqual((int)ExitCode.InvalidInput, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "upload it first");
        }
        finally
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [TestMethod]
    public void UnreachableBoardsAndForeignFilesAreNamed()
    {
        var run = CliRun.Of("board", "info", "-p", "tcp://127.0.0.1:1");
        Assert.AreEqual((int)ExitCode.DeviceError, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "tcp://127.0.0.1:1");
        string foreign = Path.Combine(Files, "notes.txt");
        File.WriteAllText(foreign, "hello");
        run = CliRun.Of("board", "upload", "-p", "tcp://127.0.0.1:1", foreign);
        Assert.AreEqual((int)ExitCode.InvalidInput, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "neither an Edge model");
    }
}
