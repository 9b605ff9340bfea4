using System.Diagnostics;
using System.Text.RegularExpressions;
using Edge.Ads.Ams;
using Edge.Ads.Client;
using Edge.Ads.Protocol;
using Edge.Board.Simulation;
using Edge.PlcBridge.Tests.Support;

namespace Edge.PlcBridge.Tests.Cli;

/// <summary>`edge bridge check-config`, `plc-types` and `run` as a user runs them.</summary>
[TestClass]
public sealed partial class BridgeCommandTests
{
    [TestMethod]
    public void CheckConfigPrintsTheMemoryMapOfTheGeneratedDut()
    {
        string yaml = TestBridge.Yaml(features: 16);
        var dut = DutImage.Parse(EdgeRun.PlcTypes(yaml));

        var run = EdgeRun.Of("bridge", "check-config", "--config", EdgeRun.ConfigFile(yaml));

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Out, "valid, 2 board(s)");
        // slot, board, group, offset, size: board n at (n - 1) * SIZEOF as the PLC computes SIZEOF
        StringAssert.Matches(run.Out, new Regex($@"\n\s+1\s+Loom3\s+0x4040\s+0\s+{dut.Size}\s"));
        StringAssert.Matches(run.Out, new Regex($@"\n\s+2\s+Pump1\s+0x4040\s+{dut.Size}\s+{dut.Size}\s"));
        foreach (var member in dut.Members)
            StringAssert.Matches(run.Out, new Regex($@"\n\s+{dut.OffsetOf(member.Name)}\s+\d+\s+{member.Name}\s+{Regex.Escape(member.TypeText)}\r?\n"), member.Name);
        StringAssert.Contains(run.Out, "writable: Loom3.AlarmAck");
        StringAssert.Contains(run.Out, "PLC peers: none (ads.plc-peers): no connections are reserved");
        StringAssert.Contains(run.Out, "timeouts: idle 120 s, request 10 s, send 30 s; up to 4194304 B queued per peer");
    }

    [TestMethod]
    public void AMistakeIsOneErrorLineWithFileLineAndKey()
    {
        string file = EdgeRun.ConfigFile("boards:\n  - name: Loom3\n    address: tcp://10.0.0.5\n");

        var run = EdgeRun.Of("bridge", "check-config", "-c", file);

        Assert.AreEqual(3, run.ExitCode, run.ToString());
        Assert.AreEqual($"error: {file}:3:14: boards[0].address: 'tcp://10.0.0.5' is not a TCP address; write tcp://HOST:PORT, e.g. tcp://192.168.10.23:4711",
            run.Error.TrimEnd());
        Assert.AreEqual("", run.Out);
    }

    [TestMethod]
    public void EveryBridgeCommandNeedsAConfigAndNamesAMissingOne()
    {
        foreach (var command in new[] { "run", "plc-types", "check-config" })
        {
            Assert.AreEqual(2, EdgeRun.Of("bridge", command).ExitCode, command);
            var missing = EdgeRun.Of("bridge", command, "--config", "/nonexistent/bridge.yaml");
            Assert.AreEqual(3, missing.ExitCode, missing.ToString());
            Assert.AreEqual("error: /nonexistent/bridge.yaml: file not found", missing.Error.TrimEnd());
        }
    }

    [TestMethod]
    public void PlcTypesWritesTheSameDutToAFile()
    {
        string yaml = TestBridge.Yaml();
        string target = Path.Combine(RepoPaths.TempDirectory("plc-types"), "ST_EdgeBoard.st");

        var run = EdgeRun.Of("bridge", "plc-types", "-c", EdgeRun.ConfigFile(yaml), "-o", target);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual(EdgeRun.PlcTypes(yaml), File.ReadAllText(target));
        StringAssert.Contains(run.Error, "wrote " + target);
    }

    [TestMethod]
    [DataRow("ads", DisplayName = "ADS port taken")]
    [DataRow("prometheus", DisplayName = "metrics port taken")]
    public void RunNamesAPortItCannotListenOn(string which)
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        string yaml = which == "ads"
            ? TestBridge.Yaml().Replace("tcp-port: 0", $"tcp-port: {port}", StringComparison.Ordinal)
            : TestBridge.Yaml().Replace("http://127.0.0.1:0/metrics", $"http://127.0.0.1:{port}/metrics", StringComparison.Ordinal);

        var run = EdgeRun.Of("bridge", "run", "--config", EdgeRun.ConfigFile(yaml));

        // The configuration names the port: an input to fix (3), not a device that failed (20); one line, no trace.
        Assert.AreEqual(3, run.ExitCode, run.ToString());
        string expected = which == "ads"
            ? $"error: cannot listen for ADS (AMS/TCP) on 127.0.0.1:{port}: port {port} is already in use on 127.0.0.1"
            : $"error: cannot listen for Prometheus metrics (http://127.0.0.1:{port}/metrics) on 127.0.0.1:{port}: port {port} is already in use on 127.0.0.1";
        Assert.StartsWith(expected, run.Error);
        Assert.AreEqual(1, run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, run.ToString());
        Assert.DoesNotMatchRegex(Support.StackTrace.Frame(), run.ToString(), "a port in use is said, not traced");
    }

    /// <summary>
    /// `edge bridge run` as a service: a simulated board on loopback samples 289 V data (its own
    /// sensor, as a deployed board does), the bridge reads its telemetry over the board link and
    /// serves it over ADS; the PLC's acknowledge reaches the board; SIGTERM stops everything cleanly.
    /// </summary>
    [TestMethod]
    public async Task RunServesABoardsTelemetryUntilSigterm()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Inconclusive("sends SIGTERM with kill(1)");
        using var board = new SimulatedBoard(BoardProfile.NucleoF746zg.WithUnconstrainedMemory(), RepoPaths.TempDirectory("bridge-board"), "loom3");
        await using var boardHost = SimulatedBoardHost.ListenTcp(board, System.Net.IPAddress.Loopback, 0);
        string modelId = await SimulatedBoards.LoadFluxMlpAsync(boardHost.Address, board, rows: 600);

        string yaml = TestBridge.Yaml().Replace("tcp://127.0.0.1:4711", boardHost.Address, StringComparison.Ordinal);
        var dut = DutImage.Parse(EdgeRun.PlcTypes(yaml));
        using var edge = BridgeProcess.Start(EdgeRun.ConfigFile(yaml));
        var log = new List<string>();
        try
        {
            await BridgeProcess.ReadUntilStartedAsync(edge, log, TimeSpan.FromSeconds(30));
            int port = log.Select(l => ListeningOn().Match(l)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).LastOrDefault();

            await using (var client = await AdsTcpClient.ConnectAsync("127.0.0.1", port, new AmsAddress(TestBridge.NetId, 25000), TestBridge.ClientAddress))
            {
                Assert.AreEqual("Edge test", (await client.ReadDeviceInfoAsync()).Info!.Name);
                IReadOnlyDictionary<string, object> Read(int slot) => dut.Decode(client.ReadBytesAsync(0x4040, (uint)((slot - 1) * dut.Size), dut.Size).Result);
                await Eventually.TrueAsync(() => (bool)Read(1)["DriftAlarm"] && (long)Convert.ToInt64(Read(1)["Samples"]) == 600,
                    "the board's alarm and sample count reach the PLC", TimeSpan.FromSeconds(30));
                var loom = Read(1);
                Assert.IsTrue((bool)loom["Online"]);
                Assert.AreEqual(modelId, loom["ModelId"]);
                Assert.AreEqual("", loom["LastError"]);
                var pump = Read(2);
                Assert.IsFalse((bool)pump["Online"]);
                StringAssert.Contains((string)pump["LastError"], "/dev/ttyACM0", "an absent serial board says which");

                Assert.AreEqual(AdsErrorCode.NoError, await client.WriteAsync(0x4040, (uint)dut.OffsetOf("AlarmAck"), new byte[] { 1 }));
                await Eventually.TrueAsync(() => !(bool)Read(1)["DriftAlarm"], "the acknowledge reached the board and its alarm cleared", TimeSpan.FromSeconds(10));
            }
            Assert.IsFalse(board.Runtime.Rows.Drift!.Policy.Alarm, "the board itself cleared its alarm");

            using (var kill = Process.Start("kill", ["-TERM", edge.Id.ToString()]))
                await kill.WaitForExitAsync();
            await edge.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            log.AddRange((await edge.StandardOutput.ReadToEndAsync()).Split('\n'));
            Assert.AreEqual(0, edge.ExitCode, string.Join('\n', log));
            Assert.IsTrue(log.Any(l => l.Contains("bridge stopped", StringComparison.Ordinal)), string.Join('\n', log));
            Assert.IsTrue(log.Any(l => l.Contains("ADS server stopped", StringComparison.Ordinal)), string.Join('\n', log));
        }
        finally
        {
            if (!edge.HasExited)
                edge.Kill(entireProcessTree: true);
        }
    }

    [GeneratedRegex(@"ADS server listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningOn();
}
