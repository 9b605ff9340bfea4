using Edge.Device.Inference;

namespace Edge.Inference.Simd;

/// <summary>The kernel set the host's int8 engine runs: the SIMD kernels on the fastest level this machine offers.</summary>
public static class HostInt8Kernels
{
    private static readonly Lazy<Int8Kernels> FastestSet = new(() =>
        SimdIsas.Best is { } isa ? new SimdInt8Kernels(isa) : Int8Kernels.Reference);

    /// <summary><see cref="SimdInt8Kernels"/> on <see cref="SimdIsas.Best"/>; the managed reference where no SIMD is accelerated.</summary>
    public static Int8Kernels Fastest => FastestSet.Value;
}
