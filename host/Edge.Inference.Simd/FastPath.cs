using Fc = Edge.Device.Inference.FullyConnectedInt8;
using Conv = Edge.Device.Inference.Conv1DInt8;

namespace Edge.Inference.Simd;

/// <summary>
/// When <see cref="SimdInt8Kernels"/> may take its fast path: every element the reference kernel
/// would read or write lies inside its array (computed in 64 bits), the output does not overlap
/// the input (the reference would read what it has just written), and the weights are not the
/// arena. Anything else goes to the reference kernel, which then fails (or not) as it always has.
/// </summary>
internal static class FastPath
{
    /// <summary>Sizes above this take the reference path rather than grow scratch without bound (no model comes near).</summary>
    private const long MaxScratch = 1L << 26;

    public static bool FullyConnected(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output)
    {
        if (p is null || weights is null || ints is null || arena is null || p.Length < Fc.ParameterCount) return false;
        if (ReferenceEquals(weights, arena)) return false;
        long rows = p[Fc.Rows], depth = p[Fc.InFeatures], channels = p[Fc.OutFeatures];
        if (rows < 1 || depth < 1 || channels < 1 || rows * (depth + 48) > MaxScratch) return false;
        return Inside(input, rows * depth, arena.Length)
            && Inside(output, rows * channels, arena.Length)
            && Apart(input, rows * depth, output, rows * channels)
            && Inside(p[Fc.WeightsAt], channels * depth, weights.Length)
            && Inside(p[Fc.BiasAt], channels, ints.Length)
            && Inside(p[Fc.MultipliersAt], channels, ints.Length)
            && Inside(p[Fc.ShiftsAt], channels, ints.Length);
    }

    /// <param name="padEnd">taps past the input's end that the last window covers (0 if none)</param>
    public static bool Conv1D(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output, out int padEnd)
    {
        padEnd = 0;
        if (p is null || weights is null || ints is null || arena is null || p.Length < Conv.ParameterCount) return false;
        if (ReferenceEquals(weights, arena)) return false;
        long inChannels = p[Conv.InChannels], inLength = p[Conv.InLength], outChannels = p[Conv.OutChannels], outLength = p[Conv.OutLength];
        long kernel = p[Conv.Kernel], stride = p[Conv.Stride], pad = p[Conv.PadBegin];
        if (inChannels < 1 || inLength < 1 || outChannels < 1 || outLength < 1 || kernel < 1 || stride < 1 || pad < 0) return false;
        long end = Math.Max(0, (outLength - 1) * stride - pad + kernel - inLength);
        long rowLength = pad + inLength + end;
        long taps = inChannels * kernel;
        if (inChannels * rowLength > MaxScratch || outLength * (taps + 48) > MaxScratch) return false;
        // A padded tap holds 128 - offset, a byte only for offsets a model has (-zp_in).
        int offset = p[Conv.InputOffset];
        if ((pad > 0 || end > 0) && (offset < -127 || offset > 128)) return false;
        if (!(Inside(input, inChannels * inLength, arena.Length)
            && Inside(output, outChannels * outLength, arena.Length)
            && Apart(input, inChannels * inLength, output, outChannels * outLength)
            && Inside(p[Conv.WeightsAt], outChannels * taps, weights.Length)
            && Inside(p[Conv.BiasAt], outChannels, ints.Length)
            && Inside(p[Conv.MultipliersAt], outChannels, ints.Length)
            && Inside(p[Conv.ShiftsAt], outChannels, ints.Length))) return false;
        padEnd = (int)end;
        return true;
    }

    private static bool Inside(long start, long count, int length) => start >= 0 && count >= 0 && start + count <= length;

    private static bool Apart(long a, long aCount, long b, long bCount) => a + aCount <= b || b + bCount <= a;
}
