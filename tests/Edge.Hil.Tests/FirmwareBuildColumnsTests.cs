using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Hil.Run;
using Edge.Hil.Tests.Support;
using Edge.TestSupport;

namespace Edge.Hil.Tests;

/// <summary>
/// Firmware revisions `managed` and `native` as columns of the matrix on the simulated rig: the
/// same outputs, and each cell's time and energy follow that build's instruction counts, checked
/// against the counts measured under QEMU (firmware/Edge.Native/README.md, host/Edge.Targets/README.md),
/// not against the harness's own figures.
/// </summary>
[TestClass]
public sealed class FirmwareBuildColumnsTests
{
    private const string RigYaml = """
        rig: builds
        measurement: { warmup: 1, inferences: 4, accuracy-rows: 60, cell-timeout: 60s, retries: 0 }
        boards:
          - name: m7
            kind: simulated
            profile: nucleo-f746zg
            monitor: { kind: simulated }
        """;

    private static RunSummary s_run = null!;

    [ClassInitialize]
    public static async Task RunBothBuilds(TestContext context)
    {
        string folder = RepoPaths.TempDirectory("hil-builds");
        s_run = await HilRunner.RunAsync(new HilRunOptions
        {
            Rig = Fixtures.Rig(RigYaml, folder),
            Models = [ConvertedModels.Mlp],
            Data = [RepoPaths.MotorFlux("test_164V.features.csv")],
            Firmware = ["managed", "native"],
            OutputDirectory = Path.Combine(folder, "out"),
        }, NoProgress.Instance, CancellationToken.None);
    }

    private static CellResult Cell(string board, string firmware) => s_run.Results.Single(r => r.Cell == $"flux_mlp@{board}@{firmware}");

    [TestMethod]
    public void BothBuildsAreColumnsAndTheBoardReportsEach()
    {
        var managed = Cell("m7", "managed");
        var native = Cell("m7", "native");
        Assert.AreEqual(CellStatus.Ok, managed.Status, managed.Reason);
        Assert.AreEqual(CellStatus.Ok, native.Status, native.Reason);
        Assert.AreEqual("managed", managed.FirmwareReported);
        Assert.AreEqual("native", native.FirmwareReported);
        StringAssert.Contains(native.ExpectedLatency, "with native kernels");
        StringAssert.Contains(managed.ExpectedLatency, "with managed kernels");
    }

    [TestMethod]
    public void TheBuildsComputeTheSameOutputs()
    {
        // Native kernels are bit-exact with the managed ones (tests/Edge.Native.Tests); the
        // simulated board runs the managed kernels for both, so the agreement is identical.
        var managed = Cell("m7", "managed");
        var native = Cell("m7", "native");
        Assert.AreEqual(managed.MaxAbsError, native.MaxAbsError);
        Assert.AreEqual(managed.Rmse, native.Rmse);
        Assert.AreEqual(managed.AucBoard, native.AucBoard);
    }

    [TestMethod]
    public void TheNativeCellTakesTheTimeOfItsMeasuredInstructionCount()
    {
        // Measured under QEMU on the Cortex-M7 nanoCLR image calling the native library: one whole
        // flux_mlp inference 11,486 instructions. At the middle of the stated CPI band (0.8-1.5) and
        // 216 MHz that is 11,486 x 1.15 / 216 us. The cost model's parts were fitted to the kernel
        // counts, so it reproduces this count to within rounding of its per-operation figure.
        double expected = 11_486 * 1.15 / 216;
        var native = Cell("m7", "native");
        Assert.AreEqual(expected, native.ExpectedLatencyUs!.Value, expected * 0.005);
        Assert.AreEqual(expected, native.LatencyUs!.Value, expected * 0.01, "the trigger edges follow the cost model");
        Assert.AreEqual(11_486 * 0.8 / 216, native.ExpectedLatencyUsLow!.Value, 0.5);
        Assert.AreEqual(11_486 * 1.5 / 216, native.ExpectedLatencyUsHigh!.Value, 0.5);
    }

    [TestMethod]
    public void ManagedAgainstNativeIsTheRatioOfTheirCounts()
    {
        // The managed cell at the managed band's middle (1.25) over the native at 1.15: the
        // instruction ratio of the two cost models (host/Edge.Targets/README.md: 746.1 per MAC
        // and 24,105 per operation managed) is about 180x; the energy ratio is the same (one
        // active current).
        var managed = Cell("m7", "managed");
        var native = Cell("m7", "native");
        double ratio = managed.LatencyUs!.Value / native.LatencyUs!.Value;
        double instructions = (4 * 24_105 + 2_576 * 746.1 + 50 * 30 * 45.6) / 11_486.0;
        Assert.AreEqual(instructions * 1.25 / 1.15, ratio, ratio * 0.02);
        Assert.AreEqual(ratio, managed.EnergyUj!.Value / native.EnergyUj!.Value, ratio * 0.05);
    }
}
