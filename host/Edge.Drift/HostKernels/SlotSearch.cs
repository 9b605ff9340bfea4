using System.Runtime.Intrinsics;

namespace Edge.Drift.HostKernels;

/// <summary>The vector width <see cref="VectorSampleUpdate"/> compares a value with a column's edges at.</summary>
public enum SlotSearch
{
    /// <summary>4 edges per compare: SSE on x86, AdvSimd (NEON) on Arm64.</summary>
    Vector128,

    /// <summary>8 edges per compare: AVX2.</summary>
    Vector256,
}

/// <summary>Which <see cref="SlotSearch"/> widths this process runs in hardware.</summary>
public static class SlotSearches
{
    /// <summary>
    /// Whether the runtime accelerates <paramref name="search"/> on this CPU (its own switches turn
    /// widths off, e.g. <c>DOTNET_EnableAVX2=0</c>). An unaccelerated width still computes the same
    /// result, in software, slowly.
    /// </summary>
    public static bool IsAccelerated(SlotSearch search) => search switch
    {
        SlotSearch.Vector256 => Vector256.IsHardwareAccelerated,
        SlotSearch.Vector128 => Vector128.IsHardwareAccelerated,
        _ => false,
    };

    /// <summary>The widest accelerated width, or null when not even <see cref="SlotSearch.Vector128"/> is.</summary>
    public static SlotSearch? Best =>
        IsAccelerated(SlotSearch.Vector256) ? SlotSearch.Vector256
        : IsAccelerated(SlotSearch.Vector128) ? SlotSearch.Vector128
        : null;

    /// <summary>"vector256" or "vector128": the update's name.</summary>
    public static string Name(SlotSearch search) => search.ToString().ToLowerInvariant();
}
