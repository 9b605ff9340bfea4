using System.Net;
using System.Net.Sockets;
using Edge.TestSupport;

namespace Edge.Cli.Tests;

/// <summary>
/// Every leaf command given the bad inputs a new user gives: wrong option values, missing,
/// empty, foreign, truncated and endless files (/dev/zero), damaged rig and bridge files, absent
/// devices. Each run must fail with the documented exit code and the output every failure has
/// (<see cref="UsageOutput"/>): one `error:` line saying what is wrong, no stack trace, no .NET
/// type names, no temporary file names. A command without cases here fails the test, so a new
/// command brings its own.
/// </summary>
[TestClass]
public sealed class BadInputTests
{
    private static string s_dir = "";

    private static string F(string name) => Path.Combine(s_dir, name);

    private static string Sample(string name) => RepoPaths.MotorFlux(name);

    [ClassInitialize]
    public static void Files(TestContext _)
    {
        s_dir = RepoPaths.TempDirectory("bad-inputs");
        File.WriteAllBytes(F("empty.csv"), []);
        File.WriteAllBytes(F("garbage.bin"), Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251)).ToArray());
        Directory.CreateDirectory(F("folder"));
        var features = File.ReadAllLines(Sample("train_164V.features.csv"));
        File.WriteAllLines(F("nohead.csv"), features.Skip(1).Take(300));
        File.WriteAllLines(F("onerow.csv"), features.Take(2));
        var badCell = features.Take(300).ToArray();
        var cells = badCell[5].Split(',');
        cells[7] = "n/a";
        badCell[5] = string.Join(',', cells);
        File.WriteAllLines(F("badcell.csv"), badCell);
        var huge = File.ReadAllLines(Sample("test_164V.features.csv")).Take(200).ToArray();
        cells = huge[3].Split(',');
        cells[2] = "1e300";
        huge[3] = string.Join(',', cells);
        File.WriteAllLines(F("huge.csv"), huge);
        Require(CliRun.Of("model", "convert", Sample("flux_mlp.onnx"), "--calib", Sample("train_164V.features.csv"), "-o", F("mlp.edgem")));
        Require(CliRun.Of("drift", "profile", "-d", Sample("train_164V.features.csv"), "--columns", "f[0-9]*", "--categorical", "load", "-o", F("motor.edgp")));
        Require(CliRun.Of("drift", "profile", "-d", Sample("train_164V.windows.csv"), "--columns", "s1*", "-o", F("windows.edgp")));
        var profile = File.ReadAllBytes(F("motor.edgp"));
        profile[profile.Length / 2] ^= 0x5A;
        File.WriteAllBytes(F("corrupt.edgp"), profile);
        var model = File.ReadAllBytes(F("mlp.edgem"));
        File.WriteAllBytes(F("truncated.edgem"), model[..(model.Length / 2)]);
        File.WriteAllBytes(F("truncated.onnx"), File.ReadAllBytes(Sample("flux_mlp.onnx"))[..2000]);
        File.WriteAllText(F("dup.yaml"), "rig: x\nrig: y\nboards:\n  - name: a\n    kind: simulated\n    profile: nucleo-f746zg\n");
        File.WriteAllText(F("nullboard.yaml"), "rig: x\nboards:\n  -\n");
        File.WriteAllText(F("unclosed-rig.yaml"), "rig: x\nboards:\n  - name: a\n    kind: simulated\n    [profile: nucleo-f746zg\n");
        File.WriteAllText(F("lpm.yaml"), "rig: x\nboards:\n  - name: n\n    kind: nucleo\n    target: ST_NUCLEO144_F746ZG\n    link: /dev/ttyUSB0\n" +
            "    monitor: { kind: lpm01a, port: /dev/ttyACM1 }\n    trigger: { threshold-ma: 40 }\n");
        File.WriteAllText(F("firmware.yaml"), "rig: x\nboards:\n  - name: n\n    kind: nucleo\n    target: ST_NUCLEO144_F746ZG\n    link: /dev/ttyUSB0\n    deploy-port: /dev/ttyACM0\n" +
            "    monitor: { kind: stlink-v3pwr, port: /dev/ttyACM1 }\n    trigger: { threshold-ma: 80 }\n    firmware:\n      \"1.2.0\": { app: images/none.bin }\n");
        // An unclosed flow list inside a block mapping: YamlDotNet's scanner throws InvalidOperationException here.
        File.WriteAllText(F("unclosed-bridge.yaml"), "features: 64\nboards:\n  - name: Loom3\n    [stale-after: 5s\n    address: tcp://127.0.0.1:4711\n");
        File.WriteAllText(F("dup-bridge.yaml"), "boards:\n  - name: A\n    address: tcp://127.0.0.1:4711\n    name: B\n");
        Directory.CreateDirectory(F("run/cells"));
        File.WriteAllText(F("run/manifest.json"), """{"rig":"sim","cells":[{"cell":"m@b@current","model":"m","board":"b","firmware":"current"}]}""");
        File.WriteAllText(F("run/cells/m@b@current.json"), "{\"cell\": \"m@b@cur");
    }

    private static void Require(CliRun run) => Assert.AreEqual(0, run.ExitCode, run.ToString());

    private static int TakenPort(out TcpListener listener)
    {
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>(command path, arguments, exit code, a fragment the error line must hold).</summary>
    private static IEnumerable<(string Command, string[] Args, ExitCode Code, string Says)> Cases(int takenPort)
    {
        const ExitCode usage = ExitCode.Usage, input = ExitCode.InvalidInput, output = ExitCode.OutputFailed, device = ExitCode.DeviceError;
        string noBoard = "tcp://127.0.0.1:1";
        string missingFolder = F("no/such/folder/out");

        yield return ("edge demo", ["--rate", "0"], usage, "--rate");
        yield return ("edge demo", ["--rate", "abc"], usage, "--rate: 'abc' is not a finite number");
        yield return ("edge demo", ["--out", F("garbage.bin")], output, "garbage.bin");

        yield return ("edge drift profile", ["-d", F("nohead.csv"), "-o", F("x.edgp")], input, "no header");
        yield return ("edge drift profile", ["-d", F("onerow.csv"), "-o", F("x.edgp")], input, "has 1 data row(s)");
        yield return ("edge drift profile", ["-d", "/dev/zero", "-o", F("x.edgp")], input, "/dev/zero");
        yield return ("edge drift profile", ["-d", F("empty.csv"), "-o", F("x.edgp")], input, "empty");
        yield return ("edge drift profile", ["-d", F("folder"), "-o", F("x.edgp")], input, "is a folder");
        yield return ("edge drift profile", ["-d", Sample("train_164V.features.csv"), "--bins", "1", "-o", F("x.edgp")], usage, "--bins must be 2 to 64");
        yield return ("edge drift profile", ["-d", Sample("train_164V.features.csv"), "--alpha", "1", "-o", F("x.edgp")], usage, "--alpha");
        yield return ("edge drift profile", ["-d", Sample("train_164V.features.csv"), "--threshold", "0,2", "-o", F("x.edgp")], usage, "decimal point");
        yield return ("edge drift profile", ["-d", Sample("train_164V.features.csv"), "--test", "magic", "-o", F("x.edgp")], usage, "unknown drift test 'magic'");
        yield return ("edge drift profile", ["-d", Sample("train_164V.features.csv"), "--columns", "f1", "-o", missingFolder], output, "does not exist");

        yield return ("edge drift replay", ["--profile", F("garbage.bin"), "-d", Sample("test_164V.features.csv")], input, "garbage.bin");
        yield return ("edge drift replay", ["--profile", F("corrupt.edgp"), "-d", Sample("test_164V.features.csv")], input, "checksum mismatch");
        yield return ("edge drift replay", ["--profile", F("motor.edgp"), "-d", F("nohead.csv")], input, "no header");
        yield return ("edge drift replay", ["--profile", F("motor.edgp"), "-d", Sample("test_164V.features.csv"), "--window", "0"], usage, "--window must be 1 to 65535");
        yield return ("edge drift replay", ["--profile", "/dev/zero", "-d", Sample("test_164V.features.csv")], input, "too large");
        yield return ("edge drift replay", ["-p", F("motor.edgp"), "-d", Sample("test_164V.features.csv")], usage, "'-p'");
        yield return ("edge drift report", ["--profile", F("motor.edgp"), "-o", F("r.html")], usage, "give either --data (a replay) or --board-windows");
        yield return ("edge drift report", ["--profile", F("motor.edgp"), "--board-windows", F("nohead.csv"), "-o", F("r.html")], input, "is not a board window file");
        yield return ("edge drift report", ["--profile", F("motor.edgp"), "-d", Sample("test_164V.features.csv"), "--capture", F("nohead.csv"), "-o", F("r.html")], usage, "--capture goes with --board-windows");
        yield return ("edge drift report", ["--profile", F("motor.edgp"), "-d", Sample("test_164V.features.csv"), "--focus-window", "99", "-o", F("r.html")], usage, "--focus-window 99: there are 10 window(s)");
        yield return ("edge drift replay", ["--profile", F("motor.edgp"), "-d", Sample("test_164V.features.csv"), "--capture-out", missingFolder], output, "does not exist");

        yield return ("edge model convert", [Sample("flux_mlp.onnx"), "--calib", F("badcell.csv"), "-o", F("x.edgem")], input, "row 5, column 'f7'");
        yield return ("edge model convert", [Sample("flux_mlp.onnx"), "--calib", Sample("train_164V.windows.csv"), "-o", F("x.edgem")], input, "s0..s255");
        yield return ("edge model convert", [F("truncated.onnx"), "--calib", Sample("train_164V.features.csv"), "-o", F("x.edgem")], input, "truncated.onnx");
        yield return ("edge model convert", ["/dev/zero", "--calib", Sample("train_164V.features.csv"), "-o", F("x.edgem")], input, "too large");
        yield return ("edge model convert", [Sample("flux_mlp.onnx"), "--calib", Sample("train_164V.features.csv"), "--drift-profile", F("corrupt.edgp"), "-o", F("x.edgem")], input, "checksum mismatch");
        yield return ("edge model convert", [Sample("flux_mlp.onnx"), "--calib", Sample("train_164V.features.csv"), "--drift-profile", F("windows.edgp"), "-o", F("x.edgem")], input, "built for other data");
        yield return ("edge model convert", [Sample("flux_mlp.onnx"), "--calib", Sample("train_164V.features.csv"), "-i", "f5..f2", "-o", F("x.edgem")], usage, "runs backwards");
        yield return ("edge model convert", [Sample("flux_mlp.onnx"), "--calib", Sample("train_164V.features.csv"), "--board", "arduino-uno", "-o", F("x.edgem")], usage, "unknown board 'arduino-uno'");
        yield return ("edge model convert", [Sample("flux_mlp.onnx"), "--calib", Sample("train_164V.features.csv"), "--arena-budget", "0", "-o", F("x.edgem")], usage, "--arena-budget");
        yield return ("edge model convert", [Sample("flux_mlp.onnx"), "--calib", Sample("train_164V.features.csv"), "-o", missingFolder], output, "does not exist");

        yield return ("edge model verify", ["/dev/zero", "--onnx", Sample("flux_mlp.onnx"), "-d", Sample("test_164V.features.csv")], input, "too large");
        yield return ("edge model verify", [F("mlp.edgem"), "--onnx", Sample("flux_mlp.onnx"), "-d", F("huge.csv")], input, "row 3, column 'f2'");
        yield return ("edge model verify", [F("mlp.edgem"), "--onnx", Sample("flux_mlp.onnx"), "-d", Sample("test_164V.features.csv"), "--threshold", "0.7.1"], usage, "--threshold");
        yield return ("edge model verify", [F("truncated.edgem"), "--onnx", Sample("flux_mlp.onnx"), "-d", Sample("test_164V.features.csv")], input, "truncated.edgem");

        yield return ("edge model inspect", ["/dev/zero"], input, "too large");
        yield return ("edge model inspect", [F("truncated.edgem")], input, "truncated.edgem");
        yield return ("edge model inspect", [F("folder")], input, "is a folder");
        yield return ("edge model inspect", [F("nope.edgem")], input, "file not found");

        yield return ("edge board sim", ["--for", "-1"], usage, "--for");
        yield return ("edge board sim", ["--for", "2"], usage, "not a duration");
        yield return ("edge board sim", ["--board", "arduino"], usage, "unknown board 'arduino'");
        yield return ("edge board sim", ["--state", F("garbage.bin"), "--listen", "tcp://127.0.0.1:0"], output, "a file of that name is in the way");
        yield return ("edge board sim", ["--listen", "localhost:5030"], usage, "--listen");
        yield return ("edge board sim", ["--listen", $"tcp://127.0.0.1:{takenPort}"], usage, "another program already listens there");
        yield return ("edge board info", ["--baud", "0"], usage, "--baud must be 300 to 16000000");
        yield return ("edge board info", ["--baud", "-1"], usage, "--baud");
        yield return ("edge board info", ["-p", ""], usage, "an empty value");
        yield return ("edge board info", ["-p", "/dev/edge-no-such-adapter"], device, "no such device");
        yield return ("edge board info", ["-p", "COM7"], device, "no such device");
        yield return ("edge board info", ["-p", noBoard], device, "tcp://127.0.0.1:1");
        yield return ("edge board upload", ["-p", noBoard, F("garbage.bin")], input, "neither an Edge model");
        yield return ("edge board upload", ["-p", noBoard, "/dev/zero"], input, "too large");
        yield return ("edge board upload", ["-p", noBoard, F("mlp.edgem")], device, "tcp://127.0.0.1:1");
        yield return ("edge board stream", ["-p", noBoard, "-d", Sample("test_164V.features.csv")], usage, "--model");
        yield return ("edge board stream", ["-p", noBoard, "-m", F("truncated.edgem"), "-d", Sample("test_164V.features.csv")], input, "truncated.edgem");
        yield return ("edge board stream", ["-p", noBoard, "--profile", F("motor.edgp"), "-d", F("nohead.csv")], input, "no header");
        yield return ("edge board infer", ["-p", noBoard, "-m", "/dev/zero", "-d", Sample("test_164V.features.csv")], input, "too large");
        yield return ("edge board infer", ["-p", noBoard, "-m", F("mlp.edgem"), "-d", Sample("test_164V.windows.csv")], input, "has no columns 'f0', 'f1'");
        yield return ("edge board capture", ["-p", noBoard, "--profile", F("corrupt.edgp")], input, "checksum mismatch");
        yield return ("edge board capture", ["-p", noBoard, "--profile", F("motor.edgp")], device, "tcp://127.0.0.1:1");

        yield return ("edge pwr sim", ["--for", "0"], usage, "--for");
        yield return ("edge pwr sim", ["--faults", "explode"], usage, "unknown fault 'explode'");
        yield return ("edge pwr sim", ["--faults", "drop@soon"], usage, "'soon' is not a time");
        yield return ("edge pwr sim", ["--inference-ms", "0"], usage, "--inference-ms");
        yield return ("edge pwr sim", ["--listen", $"tcp://127.0.0.1:{takenPort}"], usage, "another program already listens there");
        yield return ("edge pwr measure", ["-p", noBoard, "--volt", "5"], usage, "--volt must be 1.6 to 3.6");
        yield return ("edge pwr measure", ["-p", noBoard, "--volt", "3,3"], usage, "decimal point");
        yield return ("edge pwr measure", ["-p", noBoard, "--model", "lpm01a", "--volt", "3.5"], usage, "LPM01A supplies 1.8");
        yield return ("edge pwr measure", ["-p", noBoard, "--time", "2"], usage, "not a duration");
        yield return ("edge pwr measure", ["-p", noBoard, "--freq", "3k"], usage, "--freq '3k'");
        yield return ("edge pwr measure", ["-p", noBoard], device, "tcp://127.0.0.1:1");
        yield return ("edge pwr info", ["-p", "/dev/edge-no-such-monitor"], device, "no such device");
        yield return ("edge pwr info", [], usage, "--port");

        yield return ("edge hil query", ["SELECT 1", "--runs", F("no-runs")], input, "does not exist");
        yield return ("edge hil query", ["SELECT 1", "--runs", F("folder")], input, "neither a run folder nor a folder of runs");
        yield return ("edge hil query", ["SELECT 1", "--runs", F("folder"), "--format", "xml"], usage, "'xml' not recognized");
        yield return ("edge hil compare", [F("no-run-a"), F("no-run-b")], input, "does not exist");
        yield return ("edge hil compare", [F("folder"), F("folder"), "--tolerance", "energy=abc"], usage, "'abc' is not a number >= 0");
        yield return ("edge hil submit", ["-r", F("nope.yaml"), "-m", F("folder"), "-d", F("folder"), "--run", "r1", "--store", F("store")], input, "file not found");
        yield return ("edge hil submit", ["-r", F("nope.yaml"), "-m", F("folder"), "-d", F("folder"), "--run", "r1", "-n", "0"], usage, "--inferences must be 1 to 65535, not 0");
        yield return ("edge hil worker", ["-r", F("nope.yaml"), "--store", F("store")], input, "file not found");
        yield return ("edge hil worker", ["-r", F("nope.yaml"), "--lease", "soon"], usage, "'soon' is not a duration");
        yield return ("edge hil status", ["r1", "--store", F("store")], input, "has no run 'r1'");
        yield return ("edge hil status", ["r1", "--store", "s3://"], input, "is not an S3 bucket name");
        yield return ("edge store push", [F("no-such-run"), "--store", F("store")], input, "does not exist");
        yield return ("edge store push", [F("folder"), "--store", "s3://"], input, "is not an S3 bucket name");
        yield return ("edge store pull", ["r1", "--store", F("store"), "--out", F("pulled")], input, "has no run 'r1'");
        yield return ("edge store pull", ["r1", "--store", "s3://Bad_Bucket", "--out", F("pulled")], input, "'Bad_Bucket' is not an S3 bucket name");
        yield return ("edge store ls", ["--store", "s3://"], input, "is not an S3 bucket name");
        yield return ("edge store ls", ["--store", "s3://Bad_Bucket"], input, "'Bad_Bucket' is not an S3 bucket name");
        yield return ("edge store ls", ["--store", F("nohead.csv")], input, "is a file, not a store folder");

        yield return ("edge bridge check-config", ["-c", F("unclosed-bridge.yaml")], input, "not valid YAML");
        yield return ("edge bridge check-config", ["-c", F("dup-bridge.yaml")], input, "Duplicate key");
        yield return ("edge bridge check-config", ["-c", "/dev/zero"], input, "too large");
        yield return ("edge bridge check-config", ["-c", F("nope.yaml")], input, "file not found");
        yield return ("edge bridge plc-types", ["-c", F("unclosed-bridge.yaml")], input, "not valid YAML");
        yield return ("edge bridge plc-types", ["-c", F("folder")], input, "is a folder");
        yield return ("edge bridge run", ["-c", F("unclosed-bridge.yaml")], input, "not valid YAML");
        yield return ("edge bridge run", ["-c", F("dup-bridge.yaml"), "--log-level", "Loud"], usage, "--log-level: 'Loud' is not one of");

        yield return ("edge hil rigs", [F("dup.yaml")], input, "the key 'rig' is given twice");
        yield return ("edge hil rigs", [F("nullboard.yaml")], input, "boards[0] is empty");
        yield return ("edge hil rigs", [F("unclosed-rig.yaml")], input, "unclosed-rig.yaml");
        yield return ("edge hil rigs", [F("lpm.yaml")], input, "more than the LPM01A measures");
        yield return ("edge hil rigs", [F("firmware.yaml")], input, "does not exist");
        yield return ("edge hil rigs", ["/dev/zero"], input, "too large");
        yield return ("edge hil run", ["-r", F("firmware.yaml"), "-m", F("mlp.edgem"), "-d", Sample("test_164V.features.csv"), "-o", F("hil"), "--firmware", "1.2.0"], input, "does not exist");
        yield return ("edge hil run", ["-r", F("dup.yaml"), "-m", F("mlp.edgem"), "-d", Sample("test_164V.features.csv"), "-o", F("hil")], input, "given twice");
        yield return ("edge hil run", ["-r", "x", "-m", "y", "-d", "z", "-o", F("hil"), "--cell-timeout", "90"], usage, "--cell-timeout: '90' is not a duration");
        yield return ("edge hil run", ["-r", "x", "-m", "y", "-d", "z", "-o", F("hil"), "-n", "0"], usage, "--inferences must be 1 to 65535");
        yield return ("edge hil run", ["-r", "x", "-m", "y", "-d", "z", "-o", F("hil"), "--parallel", "0"], usage, "--parallel must be 1 to 1000");
        yield return ("edge hil run", ["-r", "x", "-m", "y", "-d", "z", "-o", F("hil"), "-f", "1.2.0"], usage, "'-f'");
        yield return ("edge hil report", [F("run")], input, "none of its 1 cell result file(s) can be read");
        yield return ("edge hil report", [F("folder")], input, "holds no run");
    }

    private static readonly string[] FleetCommands = ["edge hil submit", "edge hil worker", "edge hil status"];

    [TestMethod]
    public void EveryCommandFailsWithOneClearLineAndTheDocumentedCode()
    {
        int port = TakenPort(out var taken);
        using (taken)
        {
            var cases = Cases(port).ToList();
            var problems = new List<string>();
            foreach (var (command, args, expectedCode, expectedSays) in cases)
            {
                // The native build refuses the fleet commands before reading their inputs (option
                // values are still checked first, as the parser reads them).
                var (code, says) = EdgeProcess.UnderTestIsNative && FleetCommands.Contains(command) && expectedCode != ExitCode.Usage
                    ? (ExitCode.Usage, "this one is the native build") : (expectedCode, expectedSays);
                var run = CliRun.Of([.. CommandTree.Words(command), .. args]);
                string line = $"{command} {string.Join(' ', args)}";
                if (run.ExitCode != (int)code) problems.Add($"{line}: exit {run.ExitCode}, expected {(int)code} ({code})\n{run}");
                if (!run.Error.Contains(says, StringComparison.Ordinal)) problems.Add($"{line}: the error does not say \"{says}\"\n{run}");
                foreach (string problem in UsageOutput.Problems(run)) problems.Add($"{line}: {problem}\n{run}");
            }
            var untested = CommandTree.Leaves().Select(l => l.Path).Where(path => cases.Count(c => c.Command == path) < 2).ToList();
            Assert.AreEqual(0, untested.Count, "commands with fewer than two bad-input cases: " + string.Join(", ", untested));
            Assert.AreEqual(0, problems.Count, string.Join("\n\n", problems));
        }
    }

    [TestMethod]
    public void NoFailedWriteLeavesAPartialOrTemporaryFile()
    {
        // The cases above that fail while writing left nothing beside their targets.
        var leftovers = Directory.GetFiles(s_dir, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".tmp", StringComparison.Ordinal) || f.EndsWith(".partial", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(0, leftovers.Count, string.Join(", ", leftovers));
    }
}
