using Edge.Device.Inference;

namespace Edge.Inference.Tests;

/// <summary>
/// The shared int8 dot product against the plain sum Σ a·b worked in 64 bits and wrapped to
/// int32 (the device's accumulator wraps; the kernel's grouping by four must not change that): every
/// length 0..13 (whole groups of four and each remainder), at offsets in both rows, with extreme
/// values and an accumulator that wraps past int.MaxValue.
/// </summary>
[TestClass]
public sealed class DotProductInt8Tests
{
    [TestMethod]
    public void EveryLengthAndOffsetSumsEveryProductOnce()
    {
        var c = new KernelCase(17);
        for (int count = 0; count <= 13; count++)
        for (int ai = 0; ai < 3; ai++)
        for (int bi = 0; bi < 3; bi++)
        {
            // Rows one element longer than needed on each side: a kernel reading past its span picks up non-zero values.
            var a = c.Int8(ai + count + 4, -128, 127);
            var b = c.Int8(bi + count + 4, -128, 127);
            int acc = c.Random.Next(-1000, 1000);
            long expected = acc;
            for (int k = 0; k < count; k++) expected += a[ai + k] * b[bi + k];
            Assert.AreEqual((int)expected, DotProductInt8.Accumulate(acc, a, ai, b, bi, count), $"count {count} at {ai}/{bi}");
        }
    }

    [TestMethod]
    public void TheAccumulatorWrapsAsInt32()
    {
        var a = Enumerable.Repeat((sbyte)-128, 7).ToArray();
        long expected = int.MaxValue - 5 + 7L * 128 * 128;   // past int.MaxValue: wraps
        Assert.AreEqual(unchecked((int)expected), DotProductInt8.Accumulate(int.MaxValue - 5, a, 0, a, 0, 7));
        Assert.AreEqual(-7 * 128 * 127, DotProductInt8.Accumulate(0, a, 0, Enumerable.Repeat((sbyte)127, 7).ToArray(), 0, 7));
    }
}
