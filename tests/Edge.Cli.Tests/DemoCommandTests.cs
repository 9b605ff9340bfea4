using System.Text.RegularExpressions;
using Edge.TestSupport;

namespace Edge.Cli.Tests;

/// <summary>
/// `edge demo` as a new user runs it (non-interactive output): the alarm reaches the PLC side for
/// the board whose supply changed, no sooner than the drift replay of the same data confirms it,
/// and never for the board that stayed at 164 V; the short HIL run measures every cell.
/// </summary>
[TestClass]
public sealed class DemoCommandTests
{
    [TestMethod]
    [Timeout(120_000)]
    public void DriftOnTheChangedSupplyReachesThePlcAndNothingElseAlarms()
    {
        string folder = RepoPaths.TempDirectory("demo");
        var run = CliRun.Of("demo", "--out", folder, "--rate", "4000");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Out, "PLC reads Loom1.DriftAlarm = TRUE");
        StringAssert.Contains(run.Out, "Loom2: stayed at 164 V, no alarm.");

        var lines = Regex.Matches(run.Out, @"^\s*(Loom\d) \((\d+) V\):\s+(\d+) samples.*\| ADS: Online=(\w+) DriftScore=([\d.]+) DriftAlarm=(\w+)", RegexOptions.Multiline)
            .Select(m => (Board: m.Groups[1].Value, Volts: int.Parse(m.Groups[2].Value), Samples: int.Parse(m.Groups[3].Value), AdsAlarm: m.Groups[6].Value == "TRUE", Text: m.Value))
            .ToList();
        Assert.IsTrue(lines.Count >= 2, run.ToString());
        Assert.IsFalse(lines.Any(l => l.Board == "Loom2" && (l.AdsAlarm || l.Text.Contains("ALARM"))), "the 164 V board alarmed");
        var firstAlarm = lines.First(l => l.Board == "Loom1" && l.AdsAlarm);
        Assert.AreEqual(289, firstAlarm.Volts);
        // 2,000 samples at 164 V, then windows of 200: the replay of drift_289V confirms at its third window.
        Assert.IsTrue(firstAlarm.Samples >= 2000 + (3 * 200), firstAlarm.Text);

        foreach (string file in new[] { "flux_mlp.edgem", "motor-flux.edgp", "bridge.yaml", "drift-report.html" })
            Assert.IsTrue(new FileInfo(Path.Combine(folder, file)).Length > 0, file);
        // The short HIL run: every cell measured, energy from the simulated monitor's samples within
        // 2 % of the simulated boards' cost model, and a report that is well-formed and holds its plots.
        using var results = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "hil", "results.json")));
        var cells = results.RootElement.EnumerateArray().ToList();
        Assert.AreEqual(4, cells.Count, "two models on two boards");
        foreach (var cell in cells)
        {
            Assert.AreEqual("ok", cell.GetProperty("status").GetString(), cell.ToString());
            double measured = cell.GetProperty("energy_uj").GetDouble(), expected = cell.GetProperty("expected_energy_uj").GetDouble();
            Assert.AreEqual(expected, measured, expected * 0.02, cell.GetProperty("cell").GetString());
        }
        using var reader = System.Xml.XmlReader.Create(Path.Combine(folder, "hil", "report.html"), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Ignore });
        var report = System.Xml.Linq.XDocument.Load(reader);
        Assert.IsTrue(report.Descendants().Count(e => e.Name.LocalName == "svg") >= 3, "energy, latency, accuracy and trace plots");

        // The drift report is among the files listed, and shows Loom1's drift confirmed at the 289 V data's third window.
        StringAssert.Contains(run.Out, "    drift-report.html");
        using var driftReader = System.Xml.XmlReader.Create(Path.Combine(folder, "drift-report.html"), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Ignore });
        var verdict = System.Xml.Linq.XDocument.Load(driftReader).Descendants().Single(e => (string?)e.Attribute("id") == "verdict");
        StringAssert.StartsWith(verdict.Value, "Drift confirmed at window 13 (rows 2,401-2,600)");

        var inspect = CliRun.Of("model", "inspect", Path.Combine(folder, "flux_mlp.edgem"));
        Assert.AreEqual(0, inspect.ExitCode, inspect.ToString());
        var config = CliRun.Of("bridge", "check-config", "--config", Path.Combine(folder, "bridge.yaml"));
        Assert.AreEqual(0, config.ExitCode, config.ToString());
    }

    [TestMethod]
    public void ARateOutOfRangeIsAUsageError()
    {
        var run = CliRun.Of("demo", "--rate", "0", "--out", RepoPaths.TempDirectory("demo"));
        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "--rate");
    }
}
