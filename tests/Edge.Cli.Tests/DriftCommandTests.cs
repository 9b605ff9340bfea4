using System.Text.Json;
using Edge.TestSupport;

namespace Edge.Cli.Tests;

/// <summary>`edge drift profile` and `edge drift replay` as a user runs them: outputs, files, exit codes, messages.</summary>
[TestClass]
public sealed class DriftCommandTests
{
    private static readonly Lazy<string> Profile = new(() =>
    {
        string path = Path.Combine(RepoPaths.TempDirectory("cli"), "motor.edgp");
        var run = CliRun.Of("drift", "profile", "-d", RepoPaths.MotorFlux("train_164V.features.csv"), "--columns", "f[0-9]*", "--categorical", "load", "--capture-rows", "64", "-o", path);
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        return path;
    });

    [TestMethod]
    public void ProfileWithABoardSaysWhetherItFits()
    {
        string path = Path.Combine(RepoPaths.TempDirectory("cli"), "board.edgp");
        var all = CliRun.Of("drift", "profile", "-d", RepoPaths.MotorFlux("train_164V.features.csv"), "--columns", "f[0-9]*", "--categorical", "load", "--board", "nucleo-f746zg", "-o", path);
        Assert.AreEqual(3, all.ExitCode, all.ToString());
        StringAssert.Contains(all.Error, "does not fit nucleo-f746zg");
        StringAssert.Contains(all.Error, "B short");
        Assert.IsFalse(File.Exists(path), "nothing written");
        var demo = CliRun.Of("drift", "profile", "-d", RepoPaths.MotorFlux("train_164V.features.csv"), "--columns", "f[5-9]", "--columns", "f1[0-5]", "--categorical", "load", "--board", "nucleo-f746zg", "-o", path);
        Assert.AreEqual(0, demo.ExitCode, demo.ToString());
        StringAssert.Contains(demo.Out, "fits nucleo-f746zg");
    }

    [TestMethod]
    public void ProfileReportsWhatItWrote()
    {
        string path = Path.Combine(RepoPaths.TempDirectory("cli"), "p.edgp");
        var run = CliRun.Of("drift", "profile", "-d", RepoPaths.MotorFlux("train_164V.features.csv"), "--columns", "f[0-9]*", "--categorical", "load", "--bins", "8", "-o", path);
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Out, "65 column(s) from 4000 reference rows");
        StringAssert.Contains(run.Out, "wasserstein");
        StringAssert.Contains(run.Out, "8 bins");
        StringAssert.Contains(run.Out, "board RAM on nanoCLR");
        Assert.AreEqual(new FileInfo(path).Length.ToString(), System.Text.RegularExpressions.Regex.Match(run.Out, @"(\d+) bytes").Groups[1].Value);
    }

    [TestMethod]
    public void ReplayJsonFollowsTheDocumentedSchema()
    {
        var run = CliRun.Of("drift", "replay", "--profile", Profile.Value, "-d", RepoPaths.MotorFlux("drift_289V.features.csv"), "--json");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.AreEqual("edge-drift-replay/1", root.GetProperty("format").GetString());
        Assert.AreEqual(200, root.GetProperty("windowSize").GetInt32());
        var summary = root.GetProperty("summary");
        Assert.AreEqual(10, summary.GetProperty("windows").GetInt32());
        Assert.AreEqual(3, summary.GetProperty("firstConfirmedWindow").GetInt32());
        var windows = root.GetProperty("windows").EnumerateArray().ToList();
        Assert.AreEqual(10, windows.Count);
        Assert.AreEqual("confirmed", windows[2].GetProperty("verdict").GetString());
        var columns = windows[0].GetProperty("columns").EnumerateArray().ToList();
        Assert.AreEqual(65, columns.Count);
        var f0 = columns[0];
        foreach (var field in new[] { "name", "kind", "test", "threshold", "drifted", "psi", "kl", "js", "hellinger", "tvd", "ks", "ksUpper", "ksCritical", "wasserstein", "wassersteinBound" })
            Assert.IsTrue(f0.TryGetProperty(field, out _), $"column field '{field}' missing");
        Assert.AreEqual(JsonValueKind.Null, f0.GetProperty("chiSquare").ValueKind, "not applicable to a numeric column");
        var load = columns.Single(c => c.GetProperty("name").GetString() == "load");
        Assert.AreEqual("categorical", load.GetProperty("kind").GetString());
        Assert.AreEqual(JsonValueKind.Number, load.GetProperty("chiSquarePValue").ValueKind);
        Assert.AreEqual(64, root.GetProperty("captured").GetArrayLength());
    }

    [TestMethod]
    public void ReplayTableShowsWindowsAndTheVerdict()
    {
        var run = CliRun.Of("drift", "replay", "--profile", Profile.Value, "-d", RepoPaths.MotorFlux("drift_289V.features.csv"), "--only-drifted");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Out, "window 3 (rows 401-600)");
        StringAssert.Contains(run.Out, "ALARM");
        StringAssert.Contains(run.Out, "drift confirmed at window 3");
    }

    [TestMethod]
    public void FailOnDriftAndCaptureOutServeScripts()
    {
        string capture = Path.Combine(RepoPaths.TempDirectory("cli"), "retrain.csv");
        var run = CliRun.Of("drift", "replay", "--profile", Profile.Value, "-d", RepoPaths.MotorFlux("drift_289V.features.csv"), "--json", "--fail-on-drift", "--capture-out", capture);
        Assert.AreEqual((int)ExitCode.DriftDetected, run.ExitCode, run.ToString());
        var lines = File.ReadAllLines(capture);
        Assert.AreEqual(65, lines.Length, "header and 64 captured rows");
        StringAssert.StartsWith(lines[0], "row,anomalous,f0,f1");
        var clean = CliRun.Of("drift", "replay", "--profile", Profile.Value, "-d", RepoPaths.MotorFlux("test_164V.features.csv"), "--json", "--fail-on-drift");
        Assert.AreEqual(0, clean.ExitCode, clean.ToString());
    }

    [TestMethod]
    public void BadInputsGetOneClearLineAndCode3()
    {
        string dir = RepoPaths.TempDirectory("cli-bad");
        string missingColumn = Path.Combine(dir, "few.csv");
        File.WriteAllText(missingColumn, "f0,f1\n1,2\n");
        string badCell = Path.Combine(dir, "cell.csv");
        var lines = File.ReadAllLines(RepoPaths.MotorFlux("test_164V.features.csv")).Take(5).ToArray();
        var cells = lines[3].Split(',');
        cells[7] = "n/a";
        lines[3] = string.Join(",", cells);
        File.WriteAllLines(badCell, lines);
        string empty = Path.Combine(dir, "empty.csv");
        File.WriteAllText(empty, "");
        string corrupt = Path.Combine(dir, "corrupt.edgp");
        var bytes = File.ReadAllBytes(Profile.Value);
        bytes[bytes.Length / 2] ^= 1;
        File.WriteAllBytes(corrupt, bytes);

        void Expect(string[] args, params string[] fragments)
        {
            var run = CliRun.Of(args);
            Assert.AreEqual((int)ExitCode.InvalidInput, run.ExitCode, run.ToString());
            StringAssert.StartsWith(run.Error, "error: ");
            foreach (var fragment in fragments) StringAssert.Contains(run.Error, fragment, run.ToString());
            Assert.IsFalse(run.Error.Contains("   at "), "no stack trace");
        }
        Expect(["drift", "replay", "--profile", Profile.Value, "-d", missingColumn], "few.csv", "lacks 63 column(s)", "f2");
        Expect(["drift", "replay", "--profile", Profile.Value, "-d", badCell], "cell.csv", "row 3", "column 'f7'", "'n/a'");
        Expect(["drift", "replay", "--profile", Profile.Value, "-d", empty], "empty.csv");
        Expect(["drift", "replay", "--profile", corrupt, "-d", badCell], "corrupt.edgp", "checksum mismatch");
        Expect(["drift", "replay", "--profile", RepoPaths.MotorFlux("flux_mlp.onnx"), "-d", badCell], "not an Edge drift profile");
        Expect(["drift", "profile", "-d", Path.Combine(dir, "nope.csv"), "-o", Path.Combine(dir, "x.edgp")], "nope.csv", "not found");
        Assert.IsFalse(File.Exists(Path.Combine(dir, "x.edgp")), "nothing written on failure");
    }

    [TestMethod]
    public void UsageErrorsReturn2()
    {
        Assert.AreEqual((int)ExitCode.Usage, CliRun.Of("drift", "replay", "--profile", Profile.Value).ExitCode, "missing --data");
        var run = CliRun.Of("drift", "profile", "-d", RepoPaths.MotorFlux("train_164V.features.csv"), "--bins", "1", "-o", Path.Combine(RepoPaths.TempDirectory("cli"), "x.edgp"));
        Assert.AreEqual((int)ExitCode.Usage, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "--bins");
    }

    [TestMethod]
    public void HelpHasExamples()
    {
        foreach (var command in new[] { "profile", "replay" })
        {
            var run = CliRun.Of("drift", command, "--help");
            Assert.AreEqual(0, run.ExitCode);
            StringAssert.Contains(run.Out, "Examples:");
            StringAssert.Contains(run.Out, "edge drift " + command);
        }
    }
}
