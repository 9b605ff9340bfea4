using Edge.Hil.Plan;
using Edge.Hil.Rigs;
using Edge.Power.Backends;
using Edge.TestSupport;

namespace Edge.Hil.Tests;

/// <summary>Rig files: the shipped ones load; malformed ones fail with the file, the place and what to write instead.</summary>
[TestClass]
public sealed class RigLoaderTests
{
    private static string Problem(string yaml)
    {
        var e = Assert.ThrowsExactly<RigException>(() => RigLoader.Parse(yaml, "test.yaml"));
        StringAssert.StartsWith(e.Message, "test.yaml: ");
        return e.Message;
    }

    private const string Board = "boards:\n  - name: a\n    kind: simulated\n    profile: nucleo-f746zg\n";

    [TestMethod]
    public void EveryShippedRigLoads()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "hil-rigs"), "*.yaml");
        Assert.IsTrue(files.Length >= 2);
        foreach (string file in files) Assert.IsTrue(RigLoader.Load(file).Boards.Count > 0, file);
    }

    [TestMethod]
    public void TheSimulatedRigIsWhatItsCommentsSay()
    {
        var rig = RigLoader.Load(Path.Combine(RepoPaths.Root, "hil-rigs", "sim.yaml"));
        Assert.IsTrue(rig.AllSimulated);
        CollectionAssert.AreEqual(new[] { "f746zg-sim", "f401re-sim" }, rig.Boards.Select(b => b.Name).ToArray());
        var f746 = rig.Board("f746zg-sim");
        // The board app's sizes on the F746ZG (BoardPresets) and no heap override: the target's memory model applies.
        Assert.AreEqual(new RigBudgets(8 * 1024, 4 * 1024, null), f746.Budgets, "the simulated firmware's staging and arena; the heap from the target's memory model");
        Assert.AreEqual(Edge.Targets.Boards.BoardTarget.NucleoF746zg, Edge.Hil.Cells.FitCheck.Target(f746));
        Assert.AreEqual((2, 10, 100_000), (rig.Measurement.Warmup, rig.Measurement.Inferences, rig.Measurement.Rate.Hertz));
    }

    [TestMethod]
    public void TheBenchExampleDescribesARealBench()
    {
        var rig = RigLoader.Load(Path.Combine(RepoPaths.Root, "hil-rigs", "bench-example.yaml"));
        Assert.IsFalse(rig.AllSimulated);
        var board = rig.Boards.First(b => b.Kind == BoardKind.Nucleo);
        Assert.AreEqual(MonitorKind.StlinkV3Pwr, board.Monitor.Kind);
        Assert.AreEqual(TriggerSource.Hardware, board.Trigger.Source);
        Assert.IsNotNull(board.Trigger.ThresholdMilliamps);
        Assert.IsTrue(board.Firmware.Values.All(f => Path.IsPathRooted(f.App)), "image paths resolve against the rig file's folder");
    }

    private const string Nucleo = "rig: x\nboards:\n  - name: n\n    kind: nucleo\n    target: {0}\n    link: /dev/ttyUSB0\n    monitor: {{ kind: {1}, port: /dev/ttyACM1 }}\n    trigger: {{ threshold-ma: {2} }}\n";

    [TestMethod]
    public void ABoardMustStayWithinItsMonitorsCurrentRange()
    {
        // The LPM01A streams in dynamic mode only, up to about 50 mA (it trips near 59 mA); the F746ZG is modelled at 60-110 mA.
        var e = Assert.ThrowsExactly<RigException>(() => RigLoader.Parse(string.Format(Nucleo, "ST_NUCLEO144_F746ZG", "lpm01a", 40), "test.yaml"));
        StringAssert.Contains(e.Message, "nucleo-f746zg draws 60-110 mA");
        StringAssert.Contains(e.Message, "more than the LPM01A measures");
        // The same board behind a V3PWR (500 mA), and a small board behind the LPM01A, load.
        Assert.AreEqual(1, RigLoader.Parse(string.Format(Nucleo, "ST_NUCLEO144_F746ZG", "stlink-v3pwr", 85), "test.yaml").Boards.Count);
        Assert.AreEqual(1, RigLoader.Parse(string.Format(Nucleo, "ST_NUCLEO64_F091RC", "lpm01a", 15), "test.yaml").Boards.Count);
        // A trigger threshold the monitor cannot see, and a supply it cannot give.
        StringAssert.Contains(Assert.ThrowsExactly<RigException>(() => RigLoader.Parse(string.Format(Nucleo, "ST_NUCLEO64_F091RC", "lpm01a", 70), "test.yaml")).Message,
            "trigger.threshold-ma 70 is above what the LPM01A measures");
        StringAssert.Contains(Assert.ThrowsExactly<RigException>(() => RigLoader.Parse(string.Format(Nucleo, "ST_NUCLEO64_F091RC", "lpm01a", 15) + "    supply-volts: 3.5\n", "test.yaml")).Message,
            "outside what the LPM01A supplies (1.8 .. 3.3 V)");
        // Every shipped rig is within range (EveryShippedRigLoads loads them).
    }

    [TestMethod]
    public void FirmwareImagesThatDoNotExistAreListed()
    {
        var rig = RigLoader.Load(Path.Combine(RepoPaths.Root, "hil-rigs", "bench-example.yaml"));
        var missing = RigLoader.MissingFiles(rig);
        Assert.AreEqual(rig.Boards.Sum(b => b.Firmware.Values.Sum(f => f.Clr is null ? 1 : 2)), missing.Count, "the example's images are not in the repository");
        StringAssert.StartsWith(missing[0], "board 'f746-1': firmware '1.2.0': clr ");
        Assert.AreEqual(0, RigLoader.MissingFiles(rig, ["current"]).Count, "a run that flashes nothing needs no image");
    }

    [TestMethod]
    [DataRow("rig: x\nrig: y\n" + Board, "the key 'rig' is given twice", DisplayName = "duplicate key")]
    [DataRow("rig: x\nboards:\n  -\n", "boards[0] is empty", DisplayName = "empty list item")]
    [DataRow("rig: x\nboards:\n  - name: a\n    kind: simulated\n    [profile: nucleo-f746zg\n", "test.yaml", DisplayName = "unclosed flow list in a block")]
    public void DegenerateYamlIsAnErrorNotAGuess(string yaml, string fragment) => StringAssert.Contains(Problem(yaml), fragment);

    [TestMethod]
    public void MutatedRigFilesFailOnlyWithRigErrors()
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Root, "hil-rigs", "bench-example.yaml"));
        var crashes = TextMutations.Crashes<RigException>(text, 3000, seed: 3, yaml => RigLoader.Parse(yaml, "test.yaml"));
        Assert.AreEqual(0, crashes.Count, string.Join("\n----\n", crashes.Take(3)));
    }

    [TestMethod]
    public void SyntaxErrorsAndUnknownKeysNameTheLine()
    {
        StringAssert.Contains(Problem("rig: x\nboards:\n  - name: a\n   kind: [\n"), "line ");
        string unknown = Problem("rig: x\n" + Board + "    supply-volt: 3.3\n");
        StringAssert.Contains(unknown, "line 6");
        StringAssert.Contains(unknown, "unknown key 'supply-volt'");
    }

    [TestMethod]
    [DataRow("boards:\n  - name: a\n    kind: simulated\n    profile: nucleo-f746zg\n", "`rig:` (the rig's name) is missing")]
    [DataRow("rig: x\n", "no `boards:`")]
    [DataRow("rig: x\nboards:\n  - kind: simulated\n", "boards[0] has no `name:`")]
    [DataRow("rig: x\nboards:\n  - name: a b\n    kind: simulated\n", "name 'a b' may hold only")]
    [DataRow("rig: x\nboards:\n  - name: a\n    kind: arduino\n", "kind 'arduino' is unknown; write simulated or nucleo")]
    [DataRow("rig: x\nboards:\n  - name: a\n    kind: simulated\n    profile: nucleo-h743zi\n", "profile 'nucleo-h743zi' is unknown; known: nucleo-f746zg")]
    [DataRow("rig: x\n" + Board + "    supply-volts: 5\n", "supply-volts 5 is outside what the STLINK-V3PWR supplies")]
    [DataRow("rig: x\n" + Board + "  - name: a\n    kind: simulated\n    profile: nucleo-f401re\n", "two boards are named 'a'")]
    [DataRow("rig: x\n" + Board + "    trigger: { source: hw }\n", "simulated boards use the software trigger")]
    [DataRow("rig: x\n" + Board + "    budgets: { heap: -1 }\n", "budgets.heap must be a positive number of bytes")]
    [DataRow("rig: x\n" + Board + "    simulation: { board-fault: melt@measure }\n", "board-fault 'melt@measure' is unknown; write silent@PHASE or garbage@PHASE")]
    [DataRow("rig: x\n" + Board + "    simulation: { monitor-faults: drop@soon }\n", "simulation.monitor-faults")]
    [DataRow("rig: x\nmeasurement: { inferences: 0 }\n" + Board, "measurement: inferences must be at least 1")]
    [DataRow("rig: x\nmeasurement: { sample-rate: 3k }\n" + Board, "sample-rate '3k' is not a rate the monitor takes")]
    [DataRow("rig: x\nmeasurement: { cell-timeout: soon }\n" + Board, "cell-timeout 'soon' is not a duration")]
    [DataRow("rig: x\nboards:\n  - name: n\n    kind: nucleo\n    target: ST_NUCLEO144_F746ZG\n    monitor: { kind: stlink-v3pwr, port: /dev/ttyACM1 }\n    trigger: { threshold-ma: 80 }\n",
        "needs `link:`")]
    [DataRow("rig: x\nboards:\n  - name: n\n    kind: nucleo\n    target: T\n    link: /dev/ttyUSB0\n    trigger: { threshold-ma: 80 }\n", "`monitor.kind:` is missing")]
    [DataRow("rig: x\nboards:\n  - name: n\n    kind: nucleo\n    target: T\n    link: /dev/ttyUSB0\n    monitor: { kind: stlink-v3pwr, port: /dev/ttyACM1 }\n",
        "needs `trigger.threshold-ma:`")]
    [DataRow("rig: x\nboards:\n  - name: n\n    kind: nucleo\n    target: T\n    link: /dev/ttyUSB0\n    monitor: { kind: lpm01a, port: /dev/ttyACM1, format: ascii }\n    trigger: { threshold-ma: 8 }\n",
        "streams Ascii samples at 100kHz for at most")]
    [DataRow("rig: x\nboards:\n  - name: n\n    kind: nucleo\n    target: T\n    link: /dev/ttyUSB0\n    monitor: { kind: stlink-v3pwr, port: p }\n    trigger: { threshold-ma: 8 }\n    firmware: { '1.0': { app: a.bin } }\n",
        "firmware images need `deploy-port:`")]
    public void MeaningErrorsNameTheBoardAndKey(string yaml, string expected) => StringAssert.Contains(Problem(yaml), expected);

    [TestMethod]
    public void MissingAndEmptyFilesAreNamed()
    {
        var missing = Assert.ThrowsExactly<RigException>(() => RigLoader.Load("/no/such/rig.yaml"));
        Assert.AreEqual("/no/such/rig.yaml: file not found", missing.Message);
        StringAssert.Contains(Problem(""), "empty");
    }

    [TestMethod]
    public void BoardLineFaultsNameAPhase()
    {
        Assert.IsTrue(BoardLineFault.TryParse("silent@power-cycle", out var fault));
        Assert.AreEqual(new BoardLineFault(BoardLineFaultKind.Silent, CellPhase.PowerCycle), fault);
        Assert.AreEqual("silent@power-cycle", fault!.ToString());
        Assert.IsFalse(BoardLineFault.TryParse("silent@lunch", out _));
    }

    private static string NucleoAt(string name, string monitorPort, string? monitorName = null) =>
        $"  - name: {name}\n    kind: nucleo\n    target: ST_NUCLEO144_F746ZG\n    link: /dev/ttyUSB-{name}\n" +
        $"    monitor: {{ kind: stlink-v3pwr, port: {monitorPort}{(monitorName is null ? "" : ", name: " + monitorName)} }}\n    trigger: {{ threshold-ma: 85 }}\n";

    [TestMethod]
    public void BoardsShareAMonitorByNameOrByTheDeviceTheirPortsReach()
    {
        // A /dev/serial/by-id style link and the node it points to are one monitor.
        string folder = RepoPaths.TempDirectory("rig-ports");
        string node = Path.Combine(folder, "ttyACM1");
        File.WriteAllText(node, "");
        string link = Path.Combine(folder, "usb-STLINK-V3PWR-if01");
        File.CreateSymbolicLink(link, node);
        var rig = RigLoader.Parse("rig: x\nboards:\n" + NucleoAt("n1", link) + NucleoAt("n2", node) + NucleoAt("n3", Path.Combine(folder, "ttyACM2")) +
            "  - name: s1\n    kind: simulated\n    profile: nucleo-f746zg\n    monitor: { kind: simulated, name: m }\n" +
            "  - name: s2\n    kind: simulated\n    profile: nucleo-f401re\n    monitor: { kind: simulated, name: m }\n" +
            "  - name: s3\n    kind: simulated\n    profile: nucleo-f401re\n", "test.yaml");
        bool Same(string a, string b) => MonitorSharing.SameMonitor(rig.Board(a), rig.Board(b));
        Assert.IsTrue(Same("n1", "n2"), "the link and its node");
        Assert.IsFalse(Same("n1", "n3"));
        Assert.IsTrue(Same("s1", "s2"), "the same name");
        Assert.IsFalse(Same("s1", "s3"), "an unnamed simulated monitor is the board's own");
        Assert.IsTrue(Same("s3", "s3"), "a board shares its monitor with itself");
        var lanes = Run.PositionLane.Plan(Matrix.RunMatrix.Build(rig, [new Inputs.ModelSource("m", "m.onnx", null)], [FirmwareVersions.Current]));
        CollectionAssert.AreEqual(new[] { "n1,n2", "n3", "s1,s2", "s3" }, lanes.Select(l => string.Join(",", l.Boards.Select(b => b.Name))).ToArray());
    }

    [TestMethod]
    public void BoardsSharingAMonitorMustDescribeItAlike()
    {
        string problem = Problem("rig: x\nboards:\n" + NucleoAt("n1", "/dev/ttyACM1", "bench") + NucleoAt("n2", "/dev/ttyACM2", "bench"));
        StringAssert.Contains(problem, "boards 'n1' and 'n2' share a monitor (monitor 'bench') but describe it differently");
        StringAssert.Contains(Problem("rig: x\nboards:\n" + NucleoAt("n1", "/dev/ttyACM1", "one") + NucleoAt("n2", "/dev/ttyACM1", "two")), "share a monitor");
        StringAssert.Contains(Problem("rig: x\n" + Board + "    monitor: { kind: simulated, name: 'a b' }\n"), "monitor.name 'a b' may hold only");
    }
}
