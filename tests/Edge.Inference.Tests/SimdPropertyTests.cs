using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.TestSupport.Native;

namespace Edge.Inference.Tests;

/// <summary>
/// The SIMD kernels against the managed reference over random shapes and edge values
/// (<see cref="RandomKernelCase"/>, the generator the native kernels are held to): layer sizes
/// that are not multiples of the vector blocks, zero points and input offsets across their
/// range and past it, multipliers including INT32_MIN, shifts -31..30, biases at the ends of
/// int32, outputs overlapping inputs. Each case must leave both arenas exactly as the reference
/// leaves them, or fail with the reference's exception.
/// </summary>
[TestClass]
public sealed class SimdPropertyTests
{
    private const int CasesPerKernel = 3000;

    public static IEnumerable<object[]> Sets =>
        from name in Implementations.Simd
        from code in new[] { OpCode.FullyConnected, OpCode.Conv1D }
        select new object[] { name, RandomKernelCase.Name(code), code };

    [TestMethod]
    [DynamicData(nameof(Sets))]
    public void EveryRandomCaseLeavesTheReferenceArenas(string set, string kernel, int code)
    {
        var kernels = Implementations.Of(set);
        for (int seed = 0; seed < CasesPerKernel; seed++)
        {
            // Fully connected layers of up to 9 rows: the kernels take rows four at a time.
            var c = RandomKernelCase.Random(code, 2_000_003 + seed * 7919 + code, maxRows: 9);
            var expected = c.Outcome(Int8Kernels.Reference);
            var actual = c.Outcome(kernels);
            Assert.AreEqual(expected.Error, actual.Error, $"{set} {c}: exception");
            CollectionAssert.AreEqual(expected.Arena8, actual.Arena8, $"{set} {c}: int8 arena");
            CollectionAssert.AreEqual(expected.Arena32, actual.Arena32, $"{set} {c}: int32 arena");
        }
    }

    [TestMethod]
    public void TheCasesReachEveryPathOfTheSimdKernels()
    {
        // Besides the vector paths, the draw must reach the reference fallbacks and the remainders.
        var fc = Enumerable.Range(0, CasesPerKernel).Select(s => RandomKernelCase.Random(OpCode.FullyConnected, 2_000_003 + s * 7919 + OpCode.FullyConnected, 9)).ToList();
        var conv = Enumerable.Range(0, CasesPerKernel).Select(s => RandomKernelCase.Random(OpCode.Conv1D, 2_000_003 + s * 7919 + OpCode.Conv1D)).ToList();
        Assert.IsGreaterThan(100, fc.Count(c => c.Op.Parameters[FullyConnectedInt8.Rows] >= 4), "four or more rows");
        Assert.IsGreaterThan(100, fc.Count(c => c.Op.Parameters[FullyConnectedInt8.OutFeatures] % 16 is > 0 and < 8), "a channel block left over");
        Assert.IsGreaterThan(100, fc.Count(c => c.Op.Parameters[FullyConnectedInt8.InFeatures] % 4 != 0), "depth not a multiple of four");
        Assert.IsGreaterThan(50, fc.Count(c => Overlaps(c, FullyConnectedInt8.Rows, FullyConnectedInt8.InFeatures, FullyConnectedInt8.OutFeatures)), "output overlapping the input (reference path)");
        Assert.IsGreaterThan(50, fc.Count(c => c.Ints.Skip(c.Op.Parameters[FullyConnectedInt8.MultipliersAt]).Take(c.Op.Parameters[FullyConnectedInt8.OutFeatures]).Contains(int.MinValue)), "multiplier INT32_MIN");
        Assert.IsGreaterThan(50, conv.Count(c => c.Op.Parameters[Conv1DInt8.PadBegin] > 0 && c.Op.Parameters[Conv1DInt8.InputOffset] is >= -127 and <= 128), "padded windows on the vector path");
        Assert.IsGreaterThan(20, conv.Count(c => c.Op.Parameters[Conv1DInt8.PadBegin] > 0 && c.Op.Parameters[Conv1DInt8.InputOffset] is < -127 or > 128), "padded windows with an offset past a byte (reference path)");
        Assert.IsGreaterThan(20, conv.Count(c => c.Op.Parameters[Conv1DInt8.PadBegin] == 0 && EndPadding(c) == 0 && c.Op.Parameters[Conv1DInt8.InputOffset] is < -127 or > 128), "unpadded with an offset past a byte (vector path)");
        Assert.IsGreaterThan(100, conv.Count(c => c.Op.Parameters[Conv1DInt8.InChannels] * c.Op.Parameters[Conv1DInt8.Kernel] > 16), "receptive fields longer than one 16-byte copy");
    }

    private static bool Overlaps(RandomKernelCase c, int rows, int inFeatures, int outFeatures)
    {
        int[] p = c.Op.Parameters;
        int inCount = p[rows] * p[inFeatures], outCount = p[rows] * p[outFeatures];
        return c.Op.Input0 < c.Op.Output + outCount && c.Op.Output < c.Op.Input0 + inCount;
    }

    private static long EndPadding(RandomKernelCase c)
    {
        int[] p = c.Op.Parameters;
        return Math.Max(0L, (long)(p[Conv1DInt8.OutLength] - 1) * p[Conv1DInt8.Stride] - p[Conv1DInt8.PadBegin] + p[Conv1DInt8.Kernel] - p[Conv1DInt8.InLength]);
    }
}
