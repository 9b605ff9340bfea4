using System.Runtime.CompilerServices;

namespace Edge.Inference.Simd.Gemm;

/// <summary>
/// A layer's weights W[o, j] (the model's [channels][taps] int8 block) rearranged once for one
/// microkernel, so that one vector load holds a few taps of a block of channels; channels and
/// taps past the layer's are 0, so they weigh nothing. Also Σ_j W[o, j], for the folded bias.
/// </summary>
internal sealed class PackedWeights
{
    public PackedWeights(sbyte[] source, int at, int channels, int taps, int paddedChannels, Array data, int[] weightSums)
    {
        Source = source;
        At = at;
        Channels = channels;
        Taps = taps;
        PaddedChannels = paddedChannels;
        Data = data;
        WeightSums = weightSums;
    }

    /// <summary>What was packed: the weights array (by reference), the block's offset and shape.</summary>
    public sbyte[] Source { get; }
    public int At { get; }
    public int Channels { get; }
    public int Taps { get; }

    /// <summary>Channels rounded up to the microkernel's block.</summary>
    public int PaddedChannels { get; }

    /// <summary>sbyte[] or short[], in the microkernel's layout.</summary>
    public Array Data { get; }

    public int[] WeightSums { get; }

    public bool Packs(sbyte[] weights, int at, int channels, int taps) =>
        ReferenceEquals(Source, weights) && At == at && Channels == channels && Taps == taps;

    /// <summary>Σ_j W[o, j] per channel, wrapping as int32 sums do.</summary>
    public static int[] Sums(sbyte[] weights, int at, int channels, int taps)
    {
        var sums = new int[channels];
        for (int o = 0; o < channels; o++)
        {
            int sum = 0;
            for (int j = 0; j < taps; j++) sum += weights[at + o * taps + j];
            sums[o] = sum;
        }
        return sums;
    }
}

/// <summary>
/// The packed weights of each layer a kernel set has run, keyed by the layer's parameter array
/// (one per op of a loaded model, so an entry lives as long as the model). Model constants are
/// never written after load (<c>ModelReader</c> keeps its own copies), which is what makes the
/// cache sound: a pack is reused while the same weights array, offset and shape come with the
/// same parameters, and rebuilt when any of them changes.
/// </summary>
internal sealed class WeightPacks(Func<sbyte[], int, int, int, PackedWeights> pack)
{
    private readonly ConditionalWeakTable<int[], PackedWeights> _packs = new();

    public PackedWeights Get(int[] parameters, sbyte[] weights, int at, int channels, int taps)
    {
        if (_packs.TryGetValue(parameters, out var packed) && packed.Packs(weights, at, channels, taps)) return packed;
        packed = pack(weights, at, channels, taps);
        _packs.AddOrUpdate(parameters, packed);
        return packed;
    }
}
