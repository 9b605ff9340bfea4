using System.Net;
using Edge.Board.Simulation;
using Edge.TestSupport;

namespace Edge.Cli.Tests;

/// <summary>
/// Issue 12, "counts cast without a word": `board infer -r 1000000` ran 16,960 times (a 16-bit
/// cast), `-r -1` 65,535, `-n 17` quietly 16, `-n 0` / `-r 0` got an opaque bad-request. Counts are
/// checked at the edge of the CLI, with the real limit in the message: the request's field, or the
/// board's own (from its hello).
/// </summary>
[TestClass]
public sealed class BoardCountTests
{
    private static readonly Lazy<string> Model = new(() =>
    {
        string model = Path.Combine(RepoPaths.TempDirectory("cli-counts"), "mlp.edgem");
        Assert.AreEqual(0, CliRun.Of("model", "convert", RepoPaths.MotorFlux("flux_mlp.onnx"), "--calib", RepoPaths.MotorFlux("train_164V.features.csv"), "-o", model).ExitCode);
        return model;
    });

    [TestMethod]
    [DataRow("--repeats", "1000000", "1 to 65,535 repeats")]
    [DataRow("--repeats", "-1", "1 to 65,535 repeats")]
    [DataRow("--repeats", "0", "1 to 65,535 repeats")]
    [DataRow("--rows", "0", "at least 1 row")]
    [DataRow("--rows", "-3", "at least 1 row")]
    [DataRow("--rows", "300", "at most 252 rows")]
    public void CountsOutsideTheRequestsFieldsAreRefusedBeforeAnythingIsSent(string option, string value, string limit)
    {
        // No board listens there: a count is refused before the link is even opened.
        var run = CliRun.Of("board", "infer", "-p", "tcp://127.0.0.1:1", "-m", Model.Value, "-d", RepoPaths.MotorFlux("test_164V.features.csv"), option, value);
        Assert.AreEqual((int)ExitCode.Usage, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, $"{option} {value}");
        StringAssert.Contains(run.Error, limit);
    }

    [TestMethod]
    public async Task RowsBeyondTheBoardsVectorSlotsAreRefusedWithItsLimit()
    {
        using var board = new SimulatedBoard(BoardProfile.NucleoF746zg, stateFolder: null, "loom6");
        await using var host = SimulatedBoardHost.ListenTcp(board, IPAddress.Loopback, 0);
        var run = CliRun.Of("board", "infer", "-p", host.Address, "-m", Model.Value, "-d", RepoPaths.MotorFlux("test_164V.features.csv"), "--rows", "17");
        Assert.AreEqual((int)ExitCode.Usage, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "--rows 17: loom6 (simulated nucleo-f746zg) has 16 vector slots (1 to 16 rows)");
    }
}
