using System.Runtime.CompilerServices;
using Edge.Device.Inference;

namespace Edge.Inference.Simd.Gemm;

/// <summary>
/// One fully connected or convolution layer as the microkernels see it: out[t, o] =
/// requantise(bias'[o] + Σ_j W[o, j]·u[t, j]) for positions t and channels o, where u are the
/// layer's inputs shifted to unsigned bytes (x + 128, see <see cref="Columns"/>) and bias' folds
/// the shift (and a convolution's input offset) back out. Holds the per-thread scratch the
/// layer is staged in, so an inference allocates nothing once the buffers have grown.
/// </summary>
internal sealed class GemmJob
{
    [ThreadStatic] private static GemmJob? _current;

    /// <summary>This thread's job: kernels on several threads never share scratch.</summary>
    public static GemmJob Current => _current ??= new GemmJob();

    /// <summary>u[t, j] at Columns[t·ColumnStride + j], j &lt; Taps; bytes past Taps are never weighed (their weights are 0).</summary>
    public byte[] Columns = [];
    public int ColumnStride;
    public int Positions;

    /// <summary>The input rows a convolution's columns are cut from, padded (see <see cref="Columns"/>).</summary>
    public byte[] Expanded = [];

    /// <summary>Columns widened to 16 bits for the vpmaddwd and Vector128 kernels.</summary>
    public short[] Columns16 = [];

    public PackedWeights Packed = null!;

    // Per channel, padded to the pack's channel count: folded bias, multiplier, 2^left shift, right shift.
    public int[] Bias = [];
    public int[] Multiplier = [];
    public int[] LeftFactor = [];
    public int[] RightShift = [];

    // Scalar requantisation's inputs (the Vector128 kernel).
    public int[] Shift = [];
    public int[] Accumulators = new int[16];

    public int ZeroPoint;
    public int Min;
    public int Max;

    /// <summary>Output of (t, o) at Output[OutputAt + t·PositionStride + o·ChannelStride].</summary>
    public sbyte[] Output = null!;
    public int OutputAt;
    public int PositionStride;
    public int ChannelStride;
    public int Channels;

    /// <summary>
    /// Reads the layer's per-channel constants: bias'[o] = bias[o] + (offset - 128)·Σ_j W[o, j]
    /// (int32, wrapping as the reference's sums do), and the requantisation's multiplier and
    /// shifts split as <see cref="QuantMath.MultiplyByQuantizedMultiplier"/> splits them.
    /// </summary>
    public void SetChannels(int[] ints, int biasAt, int multipliersAt, int shiftsAt, int inputOffset)
    {
        int padded = Packed.PaddedChannels;
        Grow(ref Bias, padded);
        Grow(ref Multiplier, padded);
        Grow(ref LeftFactor, padded);
        Grow(ref RightShift, padded);
        Grow(ref Shift, padded);
        int[] sums = Packed.WeightSums;
        int fold = inputOffset - 128;
        for (int o = 0; o < padded; o++)
        {
            if (o >= Channels)
            {
                Bias[o] = Multiplier[o] = LeftFactor[o] = RightShift[o] = Shift[o] = 0;
                continue;
            }
            int shift = ints[shiftsAt + o];
            Bias[o] = ints[biasAt + o] + fold * sums[o];
            Multiplier[o] = ints[multipliersAt + o];
            Shift[o] = shift;
            // MultiplyByQuantizedMultiplier: x·(1 << left), then a rounding divide by 2^right,
            // where C# takes shift counts modulo 32 and a divide by 2^0 (or by 2^(32k)) is none.
            LeftFactor[o] = 1 << (shift > 0 ? shift : 0);
            int right = shift > 0 ? 0 : -shift;
            RightShift[o] = right > 0 ? right & 31 : 0;
        }
    }

    public void SetOutput(sbyte[] output, int at, int positionStride, int channelStride, int zeroPoint, int min, int max)
    {
        Output = output;
        OutputAt = at;
        PositionStride = positionStride;
        ChannelStride = channelStride;
        ZeroPoint = zeroPoint;
        Min = min;
        Max = max;
    }

    /// <summary>Scalar requantisation of channels o0.. of position t from <see cref="Accumulators"/>: the reference's own arithmetic.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StoreScalar(int o0, int t, int count)
    {
        int at = OutputAt + t * PositionStride + o0 * ChannelStride;
        for (int l = 0; l < count; l++)
        {
            int v = QuantMath.MultiplyByQuantizedMultiplier(Accumulators[l], Multiplier[o0 + l], Shift[o0 + l]) + ZeroPoint;
            Output[at + l * ChannelStride] = (sbyte)QuantMath.Clamp(v, Min, Max);
        }
    }

    public static void Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new T[Math.Max(length, 2 * buffer.Length)];
    }
}
