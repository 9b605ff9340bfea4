using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Edge.Inference.Simd.Gemm;

/// <summary>
/// Stages a layer's inputs as the microkernels read them: one row of taps per output position,
/// as unsigned bytes u = x + 128 (VNNI multiplies unsigned by signed bytes; the other kernels
/// take the same bytes widened). A fully connected layer's positions are its input rows; a
/// convolution's are its output positions, each row the receptive field (im2col) in the
/// weights' [input channel][kernel tap] order. A convolution tap that falls in the padding
/// holds 128 - offset, so that its share of Σ w·(x + offset) is exactly zero.
/// </summary>
internal static class Columns
{
    /// <summary>Row stride: room for the taps, rounded to 16, plus 16 bytes the copies may spill into.</summary>
    public static int Stride(int taps) => ((taps + 15) & ~15) + 16;

    /// <summary>Fully connected: position r is input row r.</summary>
    public static void FromRows(GemmJob job, sbyte[] arena, int input, int rows, int depth)
    {
        int stride = Stride(depth);
        GemmJob.Grow(ref job.Columns, rows * stride);
        job.ColumnStride = stride;
        job.Positions = rows;
        ref sbyte source = ref arena[input];
        ref byte columns = ref MemoryMarshal.GetArrayDataReference(job.Columns);
        for (int r = 0; r < rows; r++)
        {
            ToUnsigned(ref Unsafe.Add(ref source, r * depth), ref Unsafe.Add(ref columns, r * stride), depth);
        }
    }

    /// <summary>
    /// Convolution: each input channel is first laid out once with its padding
    /// (<paramref name="padBegin"/> and <paramref name="padEnd"/> taps of <paramref name="padValue"/>),
    /// then every position's receptive field is copied from there, 16 bytes at a time.
    /// </summary>
    public static void Im2Col(GemmJob job, sbyte[] arena, int input, int inChannels, int inLength, int kernel, int stride,
        int padBegin, int padEnd, int outLength, byte padValue)
    {
        int rowLength = padBegin + inLength + padEnd;
        GemmJob.Grow(ref job.Expanded, inChannels * rowLength + 16);
        ref byte expanded = ref MemoryMarshal.GetArrayDataReference(job.Expanded);
        ref sbyte source = ref arena[input];
        for (int i = 0; i < inChannels; i++)
        {
            ref byte row = ref Unsafe.Add(ref expanded, i * rowLength);
            Unsafe.InitBlockUnaligned(ref row, padValue, (uint)padBegin);
            ToUnsigned(ref Unsafe.Add(ref source, i * inLength), ref Unsafe.Add(ref row, padBegin), inLength);
            Unsafe.InitBlockUnaligned(ref Unsafe.Add(ref row, padBegin + inLength), padValue, (uint)padEnd);
        }

        int taps = inChannels * kernel;
        int columnStride = Stride(taps);
        GemmJob.Grow(ref job.Columns, outLength * columnStride);
        job.ColumnStride = columnStride;
        job.Positions = outLength;
        ref byte columns = ref MemoryMarshal.GetArrayDataReference(job.Columns);
        for (int t = 0; t < outLength; t++)
        {
            ref byte column = ref Unsafe.Add(ref columns, t * columnStride);
            for (int i = 0; i < inChannels; i++)
            {
                // Window t of channel i starts at t·stride in the padded row (start + padBegin).
                ref byte from = ref Unsafe.Add(ref expanded, i * rowLength + t * stride);
                ref byte to = ref Unsafe.Add(ref column, i * kernel);
                // Whole 16-byte copies: the spill past the kernel lands where the next channel's
                // taps (written next) or the row's slack go; reads stay inside the rows' 16-byte tail.
                for (int k = 0; k < kernel; k += 16)
                {
                    Vector128.LoadUnsafe(ref from, (nuint)k).StoreUnsafe(ref to, (nuint)k);
                }
            }
        }
    }

    /// <summary>Widens <see cref="GemmJob.Columns"/> to 16 bits (the bytes are 0..255, so the values stay positive).</summary>
    public static void Widen(GemmJob job)
    {
        int count = job.Positions * job.ColumnStride;   // a multiple of 16
        GemmJob.Grow(ref job.Columns16, count);
        ref byte from = ref MemoryMarshal.GetArrayDataReference(job.Columns);
        ref ushort to = ref Unsafe.As<short, ushort>(ref MemoryMarshal.GetArrayDataReference(job.Columns16));
        for (int i = 0; i < count; i += 16)
        {
            var (low, high) = Vector128.Widen(Vector128.LoadUnsafe(ref from, (nuint)i));
            low.StoreUnsafe(ref to, (nuint)i);
            high.StoreUnsafe(ref to, (nuint)(i + 8));
        }
    }

    /// <summary>to[i] = from[i] + 128 for exactly <paramref name="count"/> bytes (reads nothing past them).</summary>
    private static void ToUnsigned(ref sbyte from, ref byte to, int count)
    {
        ref byte source = ref Unsafe.As<sbyte, byte>(ref from);
        var flip = Vector128.Create((byte)0x80);
        int i = 0;
        for (; i + 16 <= count; i += 16)
        {
            (Vector128.LoadUnsafe(ref source, (nuint)i) ^ flip).StoreUnsafe(ref to, (nuint)i);
        }
        for (; i < count; i++) Unsafe.Add(ref to, i) = (byte)(Unsafe.Add(ref source, i) ^ 0x80);
    }
}
