namespace Edge.Inference.Simd.Gemm;

/// <summary>
/// The multiply-accumulate core on one instruction set: packs a layer's weights into its layout
/// and computes out[t, o] for every position and channel of a <see cref="GemmJob"/>. Channels
/// run across the vector lanes, so one broadcast of a position's taps feeds a whole block of
/// channels and no horizontal sums are needed; each block's accumulators start at the folded
/// bias and are requantised in the vector they were summed in.
/// </summary>
internal abstract class GemmKernel
{
    public abstract SimdIsa Isa { get; }

    public abstract PackedWeights Pack(sbyte[] weights, int at, int channels, int taps);

    public abstract void Run(GemmJob job);

    public static GemmKernel For(SimdIsa isa) => isa switch
    {
        SimdIsa.AvxVnni => new VnniGemm(),
        SimdIsa.Avx512 => new Avx512Gemm(),
        SimdIsa.Avx2 => new Avx2Gemm(),
        SimdIsa.Vector128 => new Vector128Gemm(),
        _ => throw new ArgumentOutOfRangeException(nameof(isa)),
    };

    protected static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    /// <summary>
    /// Packs W[o, j] (at <paramref name="at"/>, [channels][taps]) into blocks of
    /// <paramref name="block"/> channels and groups of <paramref name="group"/> taps:
    /// element ((b·groups + g)·block + l)·group + k = W[b·block + l, g·group + k], 0 outside.
    /// </summary>
    protected static T[] Interleave<T>(sbyte[] weights, int at, int channels, int taps, int block, int group, Func<sbyte, T> convert)
    {
        int blocks = RoundUp(channels, block) / block;
        int groups = RoundUp(taps, group) / group;
        var packed = new T[blocks * groups * block * group];
        for (int o = 0; o < channels; o++)
        for (int j = 0; j < taps; j++)
        {
            int b = o / block, l = o % block, g = j / group, k = j % group;
            packed[((b * groups + g) * block + l) * group + k] = convert(weights[at + o * taps + j]);
        }
        return packed;
    }
}
