using Edge.Device.Inference;
using Edge.TestSupport;
using Edge.TestSupport.Native;

namespace Edge.Native.Tests;

/// <summary>
/// Every kernel over random shapes, zero points, offsets, multipliers, shifts and edge values
/// (<see cref="RandomKernelCase"/>): the native kernel leaves the arenas exactly as the managed one
/// does, on this machine and on each Cortex-M under QEMU; where the managed kernel throws, the
/// native one reports the same failure.
/// </summary>
[TestClass]
public sealed class KernelPropertyTests
{
    private const int HostCasesPerKernel = 1500;
    private const int QemuCasesPerKernel = 200;

    [ClassInitialize]
    public static void BuildLibrary(TestContext _) => HostNativeLibrary.Activate();

    public static IEnumerable<object[]> Kernels => RandomKernelCase.Codes.Select(c => new object[] { RandomKernelCase.Name(c), c });

    public static IEnumerable<object[]> Targets => NativeTarget.All.Select(t => new object[] { t.Name });

    [TestMethod]
    [DynamicData(nameof(Kernels))]
    public void OnTheHostTheNativeKernelLeavesTheManagedArenas(string kernel, int code)
    {
        var native = new NativeInt8Kernels();
        for (int seed = 0; seed < HostCasesPerKernel; seed++)
        {
            var c = RandomKernelCase.Random(code, seed * 7919 + code);
            var managed = c.Outcome(Int8Kernels.Reference);
            var actual = c.Outcome(native);
            Assert.AreEqual(managed.Error, actual.Error, $"{c}: exception");
            if (managed.Error is not null) continue;
            CollectionAssert.AreEqual(managed.Arena8, actual.Arena8, $"{c}: int8 arena");
            CollectionAssert.AreEqual(managed.Arena32, actual.Arena32, $"{c}: int32 arena");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Targets))]
    public void OnCortexMTheNativeKernelLeavesTheManagedArenas(string targetName)
    {
        var target = NativeTarget.Named(targetName);
        string folder = RepoPaths.TempDirectory($"kernel-cases-{target}");
        var cases = new List<(RandomKernelCase Case, (sbyte[] Arena8, int[] Arena32, string? Error) Expected)>();
        foreach (int code in RandomKernelCase.Codes)
        for (int seed = 0; seed < QemuCasesPerKernel; seed++)
        {
            var c = RandomKernelCase.Random(code, 1_000_003 + seed * 7919 + code);
            cases.Add((c, c.Outcome(Int8Kernels.Reference)));
        }
        string input = Path.Combine(folder, "cases.bin"), output = Path.Combine(folder, "results.bin");
        using (var writer = new HarnessCases(input))
        {
            foreach (var (c, _) in cases)
            {
                writer.Graph(c.Weights, c.Ints, c.Arena8.Length, c.Arena32.Length, [c.Op]);
                writer.Run(c.Arena8, c.Arena32);
            }
        }

        Qemu.Run(target, NativeBuild.Harness(target), input, output);

        var results = HarnessResults.Read(output).Cast<RunResult>().ToList();
        Assert.AreEqual(cases.Count, results.Count);
        for (int i = 0; i < cases.Count; i++)
        {
            var (c, expected) = cases[i];
            var r = results[i];
            Assert.AreEqual(expected.Error, ErrorOf(r.Status), $"{c} on {target}: status {r.Status}");
            if (expected.Error is not null) continue;
            CollectionAssert.AreEqual(expected.Arena8, r.Arena8, $"{c} on {target}: int8 arena");
            CollectionAssert.AreEqual(expected.Arena32, r.Arena32, $"{c} on {target}: int32 arena");
        }
        Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    public void TheCasesReachEveryPathOfTheKernels()
    {
        // The generator must not only draw easy cases: count the ones that take the paths the C
        // distinguishes (overlap, the column path's offset range, large filters, saturation).
        var conv = Enumerable.Range(0, QemuCasesPerKernel).Select(s => RandomKernelCase.Random(Edge.Device.Model.OpCode.Conv1D, 1_000_003 + s * 7919 + 2)).ToList();
        Assert.IsGreaterThan(5, conv.Count(c => c.Op.Parameters[0] * c.Op.Parameters[4] > 256), "large filters (direct path)");
        Assert.IsGreaterThan(5, conv.Count(c => c.Op.Parameters[11] is < -127 or > 128), "offsets outside -127..128");
        Assert.IsGreaterThan(50, conv.Count(c => c.Op.Parameters[6] > 0), "padded windows");
        var fc = Enumerable.Range(0, QemuCasesPerKernel).Select(s => RandomKernelCase.Random(Edge.Device.Model.OpCode.FullyConnected, 1_000_003 + s * 7919 + 1)).ToList();
        Assert.IsGreaterThan(3, fc.Count(c => Overlap(c.Op.Input0, c.Op.Parameters[0] * c.Op.Parameters[1], c.Op.Output, c.Op.Parameters[0] * c.Op.Parameters[2])), "aliased outputs");
        Assert.IsGreaterThan(3, fc.Count(c => c.Ints.Skip(c.Op.Parameters[5]).Take(c.Op.Parameters[2]).Contains(int.MinValue)), "multiplier INT32_MIN");
        Assert.IsGreaterThan(20, fc.Count(c => c.Op.Parameters[2] % 4 != 0 && c.Op.Parameters[1] % 4 != 0), "channels and depth not multiples of 4");
        var conv2d = Enumerable.Range(0, QemuCasesPerKernel).Select(s => RandomKernelCase.Random(Edge.Device.Model.OpCode.Conv2D, 1_000_003 + s * 7919 + 12)).ToList();
        int GroupIn(RandomKernelCase c) => c.Op.Parameters[Conv2DInt8.InChannels] / c.Op.Parameters[Conv2DInt8.Groups];
        Assert.IsGreaterThan(5, conv2d.Count(c => GroupIn(c) * c.Op.Parameters[Conv2DInt8.KernelHeight] * c.Op.Parameters[Conv2DInt8.KernelWidth] > 256), "receptive fields past the column");
        Assert.IsGreaterThan(20, conv2d.Count(c => GroupIn(c) == 1 && c.Op.Parameters[Conv2DInt8.Groups] > 1), "depthwise");
        Assert.IsGreaterThan(20, conv2d.Count(c => c.Op.Parameters[Conv2DInt8.DilationWidth] > 1 && c.Op.Parameters[Conv2DInt8.PadLeft] > 0), "dilated and padded");
        Assert.IsGreaterThan(3, conv2d.Count(Overlaps), "aliased outputs");
        var matmul = Enumerable.Range(0, QemuCasesPerKernel).Select(s => RandomKernelCase.Random(Edge.Device.Model.OpCode.MatMul, 1_000_003 + s * 7919 + 20)).ToList();
        Assert.IsGreaterThan(3, matmul.Count(c => c.Op.Parameters[MatMulInt8.Depth] > 256), "depth past the column");
    }

    private static bool Overlaps(RandomKernelCase c)
    {
        int[] p = c.Op.Parameters;
        int inCount = p[Conv2DInt8.InChannels] * p[Conv2DInt8.InHeight] * p[Conv2DInt8.InWidth];
        int outCount = p[Conv2DInt8.OutChannels] * p[Conv2DInt8.OutHeight] * p[Conv2DInt8.OutWidth];
        return Overlap(c.Op.Input0, inCount, c.Op.Output, outCount);
    }

    private static bool Overlap(int a, int aCount, int b, int bCount) => a < b + bCount && b < a + aCount;

    private static string? ErrorOf(int status) => status switch
    {
        0 => null,
        -1 => nameof(IndexOutOfRangeException),
        -2 => nameof(DivideByZeroException),
        _ => $"status {status}",
    };
}
