using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Edge.Board.Simulation;
using Edge.TestSupport;

namespace Edge.Cli.Tests;

/// <summary>
/// Each `edge` process is a new link session: a second process must never be served the first
/// one's answers (issue 12, "stale answers across sessions"). Both failures were reported from
/// outside: every process numbers its requests from 1, and the board used to answer by (number,
/// command) from a cache it never cleared.
/// </summary>
[TestClass]
public sealed partial class BoardSessionTests
{
    private static readonly Lazy<(string Model, string Profile)> Files = new(() =>
    {
        string dir = RepoPaths.TempDirectory("cli-board-session");
        string model = Path.Combine(dir, "mlp.edgem"), profile = Path.Combine(dir, "motor.edgp");
        Assert.AreEqual(0, CliRun.Of("model", "convert", RepoPaths.MotorFlux("flux_mlp.onnx"), "--calib", RepoPaths.MotorFlux("train_164V.features.csv"), "-o", model).ExitCode);
        Assert.AreEqual(0, CliRun.Of("drift", "profile", "-d", RepoPaths.MotorFlux("train_164V.features.csv"), "-c", "f[0-9]*", "--categorical", "load", "-o", profile).ExitCode);
        return (model, profile);
    });

    [TestMethod]
    public async Task ARefusedStreamDoesNotRefuseTheNextProcesssStream()
    {
        var (model, profile) = Files.Value;
        using var board = new SimulatedBoard(BoardProfile.NucleoF746zg, RepoPaths.TempDirectory("cli-session-flash"), "loom4");
        await using var host = SimulatedBoardHost.ListenTcp(board, IPAddress.Loopback, 0);
        Assert.AreEqual(0, CliRun.Of("board", "upload", "-p", host.Address, model, profile).ExitCode);

        // Without --profile the layout names no drift columns while the board runs a profile: refused.
        var refused = CliRun.Of("board", "stream", "-p", host.Address, "-m", model, "-d", RepoPaths.MotorFlux("test_164V.features.csv"));
        Assert.AreNotEqual(0, refused.ExitCode, refused.ToString());
        StringAssert.Contains(refused.Error, "drift columns");

        var correct = CliRun.Of("board", "stream", "-p", host.Address, "-m", model, "--profile", profile, "-d", RepoPaths.MotorFlux("test_164V.features.csv"));
        Assert.AreEqual(0, correct.ExitCode, correct.ToString());
        StringAssert.Contains(correct.Out, "window   10: 200 samples");
    }

    [TestMethod]
    public async Task AShortStreamLeavesNoSettingsOrAnswersToTheNextProcess()
    {
        var (model, profile) = Files.Value;
        using var board = new SimulatedBoard(BoardProfile.NucleoF746zg, RepoPaths.TempDirectory("cli-session-flash"), "loom5");
        await using var host = SimulatedBoardHost.ListenTcp(board, IPAddress.Loopback, 0);
        Assert.AreEqual(0, CliRun.Of("board", "upload", "-p", host.Address, model, profile).ExitCode);

        // Six rows: two frames of rows, so the first process's row layout and both row requests
        // are what a board that keeps answers across sessions would replay to the next process.
        string shortFile = Path.Combine(RepoPaths.TempDirectory("cli-board-session"), "six-rows.csv");
        File.WriteAllLines(shortFile, File.ReadLines(RepoPaths.MotorFlux("drift_289V.features.csv")).Take(7));
        var first = CliRun.Of("board", "stream", "-p", host.Address, "-m", model, "--profile", profile, "-d", shortFile);
        Assert.AreEqual(0, first.ExitCode, first.ToString());
        var (samplesAfterFirst, anomaliesAfterFirst) = Done(first.Out);
        Assert.AreEqual(6, samplesAfterFirst);
        Assert.IsTrue(anomaliesAfterFirst > 0, $"premise: at the default threshold the 289 V rows are anomalous ({first.Out})");

        // A score of 1.01 is above anything a sigmoid output reaches: no sample may be flagged.
        var second = CliRun.Of("board", "stream", "-p", host.Address, "-m", model, "--profile", profile, "--anomaly-threshold", "1.01",
            "-d", RepoPaths.MotorFlux("drift_289V.features.csv"));
        Assert.AreEqual(0, second.ExitCode, second.ToString());
        var (samples, anomalies) = Done(second.Out);
        Assert.AreEqual(6 + 2000, samples, "every row of the second stream processed, none dropped as an old answer");
        Assert.AreEqual(anomaliesAfterFirst, anomalies, "the second stream's threshold applies: no new anomalies");
    }

    private static (long Samples, long Anomalies) Done(string output)
    {
        var match = DoneLine().Match(output);
        Assert.IsTrue(match.Success, output);
        return (long.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture),
            long.Parse(match.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"done: board processed ([\d,]+) samples in all, [\d,]+ inferences \(mean \d+ us\), ([\d,]+) anomalies")]
    private static partial Regex DoneLine();
}
