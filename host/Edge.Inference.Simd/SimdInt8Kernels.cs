using Edge.Device.Inference;
using Edge.Inference.Simd.Gemm;
using Fc = Edge.Device.Inference.FullyConnectedInt8;
using Conv = Edge.Device.Inference.Conv1DInt8;

namespace Edge.Inference.Simd;

/// <summary>
/// The host's int8 kernels: fully connected and 1-D convolution layers on SIMD instructions
/// (<see cref="SimdIsa"/>), every other op the managed reference's. Outputs are bit for bit the
/// reference's (<see cref="Int8Kernels.Reference"/>): the same integers modulo 2^32 and the
/// same requantisation. A call the fast path is not made for (an output overlapping its input,
/// an index outside an array, a convolution padded with an input offset outside -127..128,
/// which no converted model has) runs the reference kernel, so it fails or succeeds exactly as
/// the reference does.
/// <para>Weights are rearranged once per layer and kept while the layer's parameter array
/// lives (model constants are never written after load); scratch is per thread.</para>
/// </summary>
public sealed class SimdInt8Kernels : Int8Kernels
{
    private readonly GemmKernel _gemm;
    private readonly WeightPacks _packs;

    /// <exception cref="PlatformNotSupportedException">this CPU or runtime does not offer <paramref name="isa"/></exception>
    public SimdInt8Kernels(SimdIsa isa)
    {
        if (!SimdIsas.IsSupported(isa)) throw new PlatformNotSupportedException($"this machine does not support {SimdIsas.Name(isa)}");
        Isa = isa;
        _gemm = GemmKernel.For(isa);
        _packs = new WeightPacks(_gemm.Pack);
    }

    public SimdIsa Isa { get; }

    /// <summary>"simd-avxvnni", "simd-avx512", "simd-avx2", "simd-vector128".</summary>
    public override string Name => "simd-" + SimdIsas.Name(Isa);

    public override void FullyConnectedInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output)
    {
        if (!FastPath.FullyConnected(p, weights, ints, arena, input, output))
        {
            base.FullyConnectedInt8(p, weights, ints, arena, input, output);
            return;
        }
        int rows = p[Fc.Rows], depth = p[Fc.InFeatures], channels = p[Fc.OutFeatures];
        var job = GemmJob.Current;
        job.Packed = _packs.Get(p, weights, p[Fc.WeightsAt], channels, depth);
        job.Channels = channels;
        job.SetChannels(ints, p[Fc.BiasAt], p[Fc.MultipliersAt], p[Fc.ShiftsAt], inputOffset: 0);
        job.SetOutput(arena, output, positionStride: channels, channelStride: 1, p[Fc.OutputZeroPoint], p[Fc.ActivationMin], p[Fc.ActivationMax]);
        Columns.FromRows(job, arena, input, rows, depth);
        _gemm.Run(job);
    }

    public override void Conv1DInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output)
    {
        if (!FastPath.Conv1D(p, weights, ints, arena, input, output, out int padEnd))
        {
            base.Conv1DInt8(p, weights, ints, arena, input, output);
            return;
        }
        int inChannels = p[Conv.InChannels], kernel = p[Conv.Kernel], outChannels = p[Conv.OutChannels], outLength = p[Conv.OutLength];
        int offset = p[Conv.InputOffset];
        var job = GemmJob.Current;
        job.Packed = _packs.Get(p, weights, p[Conv.WeightsAt], outChannels, inChannels * kernel);
        job.Channels = outChannels;
        job.SetChannels(ints, p[Conv.BiasAt], p[Conv.MultipliersAt], p[Conv.ShiftsAt], offset);
        job.SetOutput(arena, output, positionStride: 1, channelStride: outLength, p[Conv.OutputZeroPoint], p[Conv.ActivationMin], p[Conv.ActivationMax]);
        Columns.Im2Col(job, arena, input, inChannels, p[Conv.InLength], kernel, p[Conv.Stride], p[Conv.PadBegin], padEnd, outLength,
            padValue: (byte)(128 - offset));
        _gemm.Run(job);
    }
}
