using Edge.Device.Inference;
using Edge.Device.Native;
using Edge.TestSupport.Native;

namespace Edge.Native.Tests;

/// <summary>
/// Wrong calls fail as the managed kernels fail, with the same exception, and never write outside
/// an array: the native entry points check every range before touching memory.
/// </summary>
[TestClass]
public sealed class NativeErrorTests
{
    [ClassInitialize]
    public static void BuildLibrary(TestContext _) => HostNativeLibrary.Activate();

    private static readonly Int8Kernels Native = new NativeInt8Kernels();

    public static IEnumerable<object[]> Sets => [["managed"], ["native"]];

    private static Int8Kernels Of(string name) => name == "native" ? Native : Int8Kernels.Reference;

    [TestMethod]
    [DynamicData(nameof(Sets))]
    public void AnOutputPastTheArenaIsAnIndexOutOfRange(string set)
    {
        var kernels = Of(set);
        var arena = new sbyte[40];
        var guard = new sbyte[8];
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => kernels.ClampInt8([10, -5, 5], arena, 0, 35));
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => kernels.AddInt8([10, 0, 0, 20, 1 << 30, 0, 1 << 30, 0, 1 << 30, 0, 0, -128, 127], arena, 0, 10, 31));
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => kernels.LookupTableInt8([4, 0], new sbyte[100], arena, 0, 4));
        // Reshape is Array.Copy in managed code, which reports a range past the array as an argument error.
        Assert.Throws<ArgumentException>(() => kernels.ReshapeInt8([20], arena, 0, 30));
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => kernels.FullyConnectedInt8([1, 8, 4, 0, 0, 4, 8, 0, -128, 127], new sbyte[32], new int[12], arena, 0, 38));
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => kernels.Conv1DInt8([1, 8, 2, 8, 1, 1, 0, 0, 0, 2, 4, 0, 0, -128, 127], new sbyte[2], new int[6], arena, 35, 0));
        CollectionAssert.AreEqual(new sbyte[8], guard);
    }

    [TestMethod]
    [DynamicData(nameof(Sets))]
    public void ConstantsPastTheirArraysAreAnIndexOutOfRange(string set)
    {
        var kernels = Of(set);
        var arena = new sbyte[64];
        // Multipliers and shifts run past ints; weights past their array; the exp table past ints.
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => kernels.FullyConnectedInt8([1, 8, 4, 0, 0, 4, 10, 0, -128, 127], new sbyte[32], new int[12], arena, 0, 16));
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => kernels.FullyConnectedInt8([1, 8, 4, 1, 0, 4, 8, 0, -128, 127], new sbyte[32], new int[12], arena, 0, 16));
        arena[0] = 127;
        arena[1] = -128;   // max - x = 255: the managed kernel reads entry 10 + 255 of 256
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => kernels.SoftmaxInt8([1, 4, 10], new int[256], arena, 0, 8));
    }

    [TestMethod]
    [DynamicData(nameof(Sets))]
    public void TooFewParametersAreAnIndexOutOfRange(string set)
    {
        var kernels = Of(set);
        var arena = new sbyte[16];
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => kernels.ClampInt8([4, -1], arena, 0, 4));
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => kernels.MulInt8([4, 0, 0, 1 << 30, 0], arena, 0, 4, 8));
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => kernels.MaxPool1DInt8([1, 4, 4, 1, 1], arena, 0, 4));
    }

    [TestMethod]
    [DynamicData(nameof(Sets))]
    public void EmptyWindowsAndZeroSumsAreADivisionByZero(string set)
    {
        var kernels = Of(set);
        var arena = new sbyte[16];
        // Window 1 starts at 4 - 0 = 4 with kernel 1 inside length 4: empty (the load-time check forbids it).
        Assert.ThrowsExactly<DivideByZeroException>(() => kernels.AveragePool1DInt8([1, 4, 2, 1, 4, 0, 0, -128, 127], arena, 0, 8));
        Assert.ThrowsExactly<DivideByZeroException>(() => kernels.SoftmaxInt8([1, 4, 0], new int[256], arena, 0, 8));
    }

    [TestMethod]
    [DynamicData(nameof(Sets))]
    public void MissingArraysAreANullReference(string set)
    {
        var kernels = Of(set);
        Assert.ThrowsExactly<NullReferenceException>(() => kernels.ClampInt8([4, -1, 1], null!, 0, 4));
        Assert.ThrowsExactly<NullReferenceException>(() => kernels.ClampInt8(null!, new sbyte[8], 0, 4));
    }

    [TestMethod]
    [DynamicData(nameof(Sets))]
    public void TheLaterKernelsFailAsTheManagedOnesDo(string set)
    {
        var kernels = Of(set);
        var arena = new sbyte[64];
        // Conv2D 1x4x4 -> 2x4x4 (32 outputs) written from 40 of 64.
        int[] conv = [1, 4, 4, 2, 4, 4, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 2, 4, 0, 0, -128, 127];
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => kernels.Conv2DInt8(conv, new sbyte[2], new int[6], arena, 0, 40));
        // No groups: the managed kernel divides the channels by them.
        int[] noGroups = (int[])conv.Clone();
        noGroups[Conv2DInt8.Groups] = 0;
        Assert.ThrowsExactly<DivideByZeroException>(() => kernels.Conv2DInt8(noGroups, new sbyte[2], new int[6], arena, 0, 16));
        // The second window of a 1x4 plane with stride 4 holds nothing.
        Assert.ThrowsExactly<DivideByZeroException>(() => kernels.AveragePool2DInt8([1, 1, 4, 1, 2, 1, 1, 1, 4, 0, 0, 0, 0, -128, 127], arena, 0, 8));
        // Pad with its value parameter missing, on a shape that pads.
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => kernels.PadInt8([1, 1, 1, 4, 0, 0, 0, 1, 1, 1, 1, 5, 0], arena, 0, 8));
        // A GRU whose state has room for h but not for the next h.
        var ints = new int[6 * 3 + 2 * RecurrentCell.TableLength];
        int[] gru = [1, 1, 1, 0, 1, 0, 0, 3, 0, 3, 6, 9, 12, 15, 18, 18 + RecurrentCell.TableLength, 1 << 30, -8, 0, 0];
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => kernels.GruInt8(gru, new sbyte[6], ints, arena, new int[1], 0, 8));
        // MatMul's second operand runs past the arena.
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => kernels.MatMulInt8([1, 2, 4, 4, 0, 0, 1 << 30, 0, 0, -128, 127], arena, 0, 56, 8));
    }

    [TestMethod]
    public void ATreeNodeThatIsItsOwnChildIsRefusedInsteadOfLoopingForEver()
    {
        // The managed walk would spin on node 0 for ever; the load-time check forbids child offset 0.
        int[] ints = [0, 0, TreeEnsembleInt8.BranchLeq << 24, 0, 0, 0];
        int[] p = [1, 1, 0, 1, 1, 0, 0, 1, 5, 0, 0, 1];
        var e = Assert.ThrowsExactly<ArgumentException>(() => Native.TreeEnsembleInt8(p, ints, new int[2], new sbyte[1], 0, 0));
        StringAssert.Contains(e.Message, nameof(NativeKernels.TreeEnsembleInt8));
    }

    [TestMethod]
    public void WindowArithmeticThatWouldWrapIsRefused()
    {
        var arena = new sbyte[16];
        Assert.ThrowsExactly<ArgumentException>(() => Native.MaxPool1DInt8([1, 4, 3, 2, int.MaxValue, 0, -128, 127], arena, 0, 4));
        Assert.ThrowsExactly<ArgumentException>(() => Native.Conv1DInt8([1, 4, 1, 2, 2, 1, int.MinValue, 0, 0, 1, 2, 0, 0, -128, 127], new sbyte[4], new int[3], arena, 0, 8));
        Assert.ThrowsExactly<ArgumentException>(() => Native.Conv2DInt8([1, 1, 4, 1, 1, 3, 1, 1, 1, int.MaxValue, 1, 1, 0, 0, 1, 0, 0, 1, 2, 0, 0, -128, 127], new sbyte[1], new int[3], arena, 0, 8));
        Assert.ThrowsExactly<ArgumentException>(() => Native.MaxPool2DInt8([1, 1, 4, 1, 3, 1, 2, 1, int.MaxValue, 0, 0, -128, 127], arena, 0, 4));
    }

    [TestMethod]
    public void ADriftLayoutOutsideItsArraysIsRefusedAtLoad()
    {
        // Header: columns, cells, edges, the missing count the observe writes; then one binned
        // column of 4 slots whose cells would start past the 4 cells there are, or whose edges would.
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => NativeKernels.DriftLayoutCheck([1, 4, 3, 0, 1, 4, 0], 4, 3));
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => NativeKernels.DriftLayoutCheck([1, 4, 3, 0, 0, 4, 1], 4, 3));
        Assert.ThrowsExactly<ArgumentException>(() => NativeKernels.DriftLayoutCheck([1, 4, 3, 0, 4, 0], 4, 3), "a layout one header cell short");
        NativeKernels.DriftLayoutCheck([1, 4, 3, 0, 0, 4, 0], 4, 3);
    }
}
