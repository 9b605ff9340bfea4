using Edge.Device.Inference;
using Edge.Inference.Simd;
using Edge.TestSupport.Native;

namespace Edge.Inference.Tests;

/// <summary>
/// The kernel sets the kernel tests run on, TFLite Micro's pattern: one set of tests for the
/// managed reference kernels, their native overrides (firmware/Edge.Native, built for this
/// machine with gcc and called through P/Invoke) and the host's SIMD kernels on each
/// instruction set (<see cref="SimdIsa"/>). All must meet the same independent expectations. A
/// SIMD level this machine lacks makes its tests inconclusive, not passed.
/// </summary>
public static class Implementations
{
    public const string Managed = "managed";
    public const string Native = "native";

    /// <summary>"simd-avxvnni", ...: one per level, whether or not this machine has it.</summary>
    public static IReadOnlyList<string> Simd { get; } = SimdIsas.ByPreference.Select(Name).ToList();

    public static IReadOnlyList<string> Names { get; } = [Managed, Native, .. Simd];

    /// <summary>For [DynamicData]: one row per kernel set.</summary>
    public static IEnumerable<object[]> All => Names.Select(n => new object[] { n });

    /// <summary>For [DynamicData]: every case once per kernel set, the set's name last.</summary>
    public static IEnumerable<object[]> Each(params object[][] cases) =>
        from name in Names from c in cases select c.Append(name).ToArray();

    public static string Name(SimdIsa isa) => "simd-" + SimdIsas.Name(isa);

    public static Int8Kernels Of(string name)
    {
        if (name == Managed) return Int8Kernels.Reference;
        if (name == Native)
        {
            HostNativeLibrary.Activate();
            return new NativeInt8Kernels();
        }
        return new SimdInt8Kernels(Isa(name));
    }

    /// <summary>The level a "simd-..." name stands for; inconclusive when this machine lacks it.</summary>
    public static SimdIsa Isa(string name)
    {
        var isa = SimdIsas.ByPreference.SingleOrDefault(i => Name(i) == name, (SimdIsa)(-1));
        if ((int)isa < 0) throw new ArgumentException($"no kernel set '{name}'");
        if (!SimdIsas.IsSupported(isa)) Assert.Inconclusive($"{name}: this machine does not support {SimdIsas.Name(isa)}");
        return isa;
    }
}
