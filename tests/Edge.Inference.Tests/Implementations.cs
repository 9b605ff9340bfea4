using Edge.Device.Inference;
using Edge.TestSupport.Native;

namespace Edge.Inference.Tests;

/// <summary>
/// The kernel sets the kernel tests run on, TFLite Micro's pattern: one set of tests for the
/// managed reference kernels and for their native overrides (firmware/Edge.Native, built for this
/// machine with gcc and called through P/Invoke). Both must meet the same independent expectations.
/// </summary>
public static class Implementations
{
    public const string Managed = "managed";
    public const string Native = "native";

    public static Int8Kernels Of(string name)
    {
        if (name == Managed) return Int8Kernels.Reference;
        if (name != Native) throw new ArgumentException($"no kernel set '{name}'");
        HostNativeLibrary.Activate();
        return new NativeInt8Kernels();
    }
}
