using Edge.Cli;
using Edge.Models.Reports;
using Edge.Models.Tests.Support;
using Edge.Targets.Boards;
using Edge.Targets.Costs;

namespace Edge.Models.Tests;

/// <summary>
/// The native kernels' cost model against the instruction counts measured under QEMU
/// (firmware/Edge.Native/README.md), and `edge model inspect --board` showing the managed and the
/// native estimate.
/// </summary>
[TestClass]
public sealed class FirmwareEstimateTests
{
    private static double NativeInstructions(string model) => InterpreterCost.NativeKernels.Instructions(ModelWork.Of(ConvertedFixtures.Get(model).Model));

    [TestMethod]
    public void NativeCostsMatchTheInstructionCountsMeasuredUnderQemu()
    {
        // Fitted: flux_mlp's whole inference on the Cortex-M7 nanoCLR image (11,486) and
        // flux_iforest's C kernels alone (14,651, no interpreter around them).
        Assert.AreEqual(11_486, NativeInstructions("flux_mlp"), 11_486 * 0.001);
        Assert.AreEqual(14_651, NativeInstructions("flux_iforest") - InterpreterCost.NativeKernels.PerInference, 14_651 * 0.01);
        // Not fitted: flux_cnn1d's whole inference on the nanoCLR image, 307,928 measured.
        Assert.AreEqual(307_928, NativeInstructions("flux_cnn1d"), 307_928 * 0.03);
        // Not fitted, and the model's known weak spot: flux_autoencoder's small layers, 10,076 in C.
        double autoencoder = NativeInstructions("flux_autoencoder") - InterpreterCost.NativeKernels.PerInference;
        Assert.IsTrue(autoencoder < 10_076 && autoencoder > 10_076 * 0.7, $"{autoencoder}: under the measured count by less than 30 %");
    }

    [TestMethod]
    public void OneBoardShowsTheManagedAndTheNativeEstimate()
    {
        var fixture = ConvertedFixtures.Get("flux_mlp");
        var inspection = ModelInspection.Inspect(fixture.ModelPath, "NUCLEO-F746ZG");
        var board = inspection.Boards.Single();
        Assert.AreEqual("nucleo-f746zg", board.Board);
        CollectionAssert.AreEqual(new[] { "managed", "native" }, board.Firmware.Select(f => f.Build).ToArray());
        var native = board.Firmware[1];
        // 11,486 instructions at CPI 0.8-1.5 and 216 MHz.
        Assert.AreEqual(11_486 * 0.8 / 216, native.LatencyLowMicros!.Value, 0.05);
        Assert.AreEqual(11_486 * 1.5 / 216, native.LatencyHighMicros!.Value, 0.1);
        // Managed at CPI 1.0-1.5 on the model's measured per-MAC and per-operation counts.
        Assert.AreEqual(board.LatencyLowMicros, board.Firmware[0].LatencyLowMicros);
        Assert.IsTrue(board.LatencyLowMicros / native.LatencyLowMicros > 150, "native kernels take the inference from milliseconds to tens of microseconds");

        var text = new StringWriter();
        inspection.WriteText(text);
        StringAssert.Contains(text.ToString(), "board         nucleo-f746zg: fits");
        StringAssert.Contains(text.ToString(), "  native      43-80 us on nucleo-f746zg with native kernels, estimated from measured instruction counts (CPI 0.8-1.5 at 216 MHz)");
        StringAssert.Contains(text.ToString(), "  managed     10-14 ms on nucleo-f746zg with managed kernels");
        Assert.IsFalse(text.ToString().Contains("nucleo-f401re", StringComparison.Ordinal), "only the board asked for");
    }

    [TestMethod]
    public void ACoreWhoseNativeCountsWereNotMeasuredSaysSo()
    {
        var estimate = BoardEstimate.For(BoardTarget.NucleoF091rc, ConvertedFixtures.Get("flux_mlp").Model, 0);
        var native = estimate.Firmware.Single(f => f.Build == "native");
        Assert.IsNull(native.LatencyLowMicros);
        Assert.AreEqual("no estimate on nucleo-f091rc with native kernels (the Cortex-M0's instruction counts were not measured)", native.Latency);
        Assert.IsNotNull(estimate.Firmware.Single(f => f.Build == "managed").LatencyLowMicros);
    }

    [TestMethod]
    public void InspectTakesABoardAndRefusesAnUnknownOne()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = EdgeCli.Run(["model", "inspect", ConvertedFixtures.Get("flux_mlp").ModelPath, "--board", "nucleo-f401re"], output, error);
        Assert.AreEqual(0, code, error.ToString());
        StringAssert.Contains(output.ToString(), "  managed     40-62 ms on nucleo-f401re with managed kernels");
        StringAssert.Contains(output.ToString(), "  native      164-342 us on nucleo-f401re with native kernels");

        error = new StringWriter();
        code = EdgeCli.Run(["model", "inspect", ConvertedFixtures.Get("flux_mlp").ModelPath, "--board", "nucleo-h743zi"], new StringWriter(), error);
        Assert.AreEqual((int)ExitCode.Usage, code);
        StringAssert.StartsWith(error.ToString(), "error: unknown board 'nucleo-h743zi'; known boards: nucleo-f746zg, nucleo-f401re, nucleo-f091rc");
    }
}
