using Edge.Targets.Costs;
using System.Net;
using Edge.Board.Simulation;
using Edge.Device.Model;
using Edge.Hil.Bench.Simulated;
using Edge.Hil.Plan;
using Edge.Hil.Rigs;
using Edge.Hil.Run;
using Edge.Hil.Tests.Support;
using Edge.Power.Simulation;
using Edge.TestSupport;

namespace Edge.Hil.Tests;

/// <summary>
/// The real-bench path (a `kind: nucleo` board: serial-style link and monitor addresses, power
/// cycles through the monitor, inferences found where the current crosses the rig's threshold,
/// nanoff for firmware) driven against the simulators over TCP, since no hardware is here. The
/// monitor simulator paces itself to the wall clock, as a real one does.
/// </summary>
[TestClass]
public sealed class RealBenchPathTests
{
    [TestMethod]
    public async Task ANucleoBoardIsMeasuredByThresholdAndAMissingNanoffFailsItsRevisionAtOnce()
    {
        string folder = RepoPaths.TempDirectory("hil-nucleo");
        var profile = BoardProfile.NucleoF746zg;
        using var board = new SimulatedBoard(profile, Path.Combine(folder, "flash"));
        await using var boardHost = SimulatedBoardHost.ListenTcp(board, IPAddress.Loopback, 0);
        var current = new SimulatedBoardCurrent();
        current.Attach(board);
        await using var monitorHost = TcpSimulatorHost.Start(new PowerMonitorSimulator(new SimulatorOptions { Profile = current, RealTime = true }),
            new IPEndPoint(IPAddress.Loopback, 0));
        File.WriteAllText(Path.Combine(folder, "app.bin"), "an image nanoff never gets to flash");
        var rig = Fixtures.Rig($$"""
            rig: nucleo-against-simulators
            measurement: { warmup: 1, inferences: 4, accuracy-rows: 40, settle: 20ms, tail: 100ms, power-off: 10ms, boot-time: 10ms, retries: 1 }
            boards:
              - name: n1
                kind: nucleo
                target: ST_NUCLEO144_F746ZG
                link: {{boardHost.Address}}
                deploy-port: /dev/null
                monitor: { kind: stlink-v3pwr, port: {{monitorHost.Address}} }
                trigger: { source: sw, threshold-ma: 85 }
                budgets: { heap: 63440 }
                firmware: { "9.9": { app: app.bin } }
            """, folder);
        try
        {
            var summary = await HilRunner.RunAsync(new HilRunOptions
            {
                Rig = rig,
                Models = [ConvertedModels.Mlp],
                Data = [RepoPaths.MotorFlux("test_164V.features.csv")],
                Firmware = [FirmwareVersions.Current, "9.9"],
                OutputDirectory = Path.Combine(folder, "out"),
            }, NoProgress.Instance, CancellationToken.None);

            var measured = summary.Results.Single(r => r.Firmware == FirmwareVersions.Current);
            Assert.AreEqual(CellStatus.Ok, measured.Status, measured.Reason);
            Assert.AreEqual("current above 85 mA, software trigger", measured.WindowsFrom);
            Assert.AreEqual("nucleo", measured.BoardKind);
            Assert.IsNull(measured.ExpectedEnergyUj, "a real board has no cost model");
            double expected = profile.InferenceMicrojoules(ModelWork.Of(ModelReader.Read(File.ReadAllBytes(ConvertedModels.Mlp))));
            Console.WriteLine($"threshold path: {measured.EnergyUj:0.###} uJ per inference, cost model {expected:0.###} uJ ({measured.EnergyUj / expected - 1:P3})");
            // Threshold windows place each edge to within one 10 us sample: within 2 % of the cost model on a 10-20 ms inference.
            // (tail: 100ms: the simulated board answers at once, the simulated monitor plays its current in real time.)
            Assert.AreEqual(expected, measured.EnergyUj!.Value, expected * 0.02, $"{measured.EnergyUj} uJ vs {expected} uJ");
            Assert.AreEqual(4, measured.Inferences);
            Assert.AreEqual(40, measured.AccuracyRows);

            var flashed = summary.Results.Single(r => r.Firmware == "9.9");
            Assert.AreEqual(CellStatus.Failed, flashed.Status);
            Assert.AreEqual("deploy", flashed.FailedPhase);
            Assert.AreEqual(1, flashed.Attempts, "no retry can install nanoff");
            StringAssert.Contains(flashed.Reason, "nanoff was not found on PATH; install it with `dotnet tool install -g nanoff` to flash firmware 9.9");
        }
        finally
        {
            current.Release();
        }
    }
}
