using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Edge.Inference.Simd;

/// <summary>
/// The instruction sets <see cref="SimdInt8Kernels"/> can run its multiply-accumulates on,
/// from the most portable to the fastest on the CPUs that have it.
/// </summary>
public enum SimdIsa
{
    /// <summary>
    /// .NET's cross-platform <see cref="Vector128"/> operations: int16 products widened to int32,
    /// eight channels at a time. On Arm64 the JIT emits AdvSimd (NEON) for them; on x86 SSE.
    /// </summary>
    Vector128,

    /// <summary>AVX2 <c>vpmaddwd</c> (<see cref="Avx2.MultiplyAddAdjacent(Vector256{short}, Vector256{short})"/>): two taps of eight channels per instruction.</summary>
    Avx2,

    /// <summary>AVX-512BW <c>vpmaddwd</c> on 512-bit vectors: two taps of sixteen channels per instruction.</summary>
    Avx512,

    /// <summary>AVX-VNNI <c>vpdpbusd</c> (<see cref="AvxVnni"/>): four unsigned-by-signed byte products of eight channels, summed into int32, per instruction.</summary>
    AvxVnni,
}

/// <summary>Which <see cref="SimdIsa"/> levels this process can run.</summary>
public static class SimdIsas
{
    /// <summary>Every level, in the order of preference (fastest first).</summary>
    public static IReadOnlyList<SimdIsa> ByPreference { get; } = [SimdIsa.AvxVnni, SimdIsa.Avx512, SimdIsa.Avx2, SimdIsa.Vector128];

    /// <summary>
    /// Whether the CPU and runtime offer <paramref name="isa"/>. The runtime's own switches turn
    /// levels off (for instance <c>DOTNET_EnableAVXVNNI=0</c>, <c>DOTNET_EnableAVX512F=0</c>).
    /// </summary>
    public static bool IsSupported(SimdIsa isa) => isa switch
    {
        SimdIsa.Vector128 => System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated,
        SimdIsa.Avx2 => Avx2.IsSupported,
        SimdIsa.Avx512 => Avx512BW.IsSupported && Avx2.IsSupported,
        SimdIsa.AvxVnni => AvxVnni.IsSupported && Avx2.IsSupported,
        _ => false,
    };

    /// <summary>The fastest supported level, or null when not even <see cref="SimdIsa.Vector128"/> is accelerated.</summary>
    public static SimdIsa? Best => ByPreference.Where(IsSupported).Select(i => (SimdIsa?)i).FirstOrDefault();

    /// <summary>"avxvnni", "avx512", "avx2", "vector128": the name in kernel set names and reports.</summary>
    public static string Name(SimdIsa isa) => isa.ToString().ToLowerInvariant();
}
