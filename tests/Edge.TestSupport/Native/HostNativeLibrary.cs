using System.Runtime.InteropServices;
using Edge.Device.Native;

namespace Edge.TestSupport.Native;

/// <summary>
/// Points the host build of the interop assembly (Edge.Device.Native, P/Invoke) at the library
/// <see cref="NativeBuild"/> compiled, so that the device code's native kernels run in this test
/// process. Without this the library is not found and the device code keeps its managed kernels.
/// </summary>
public static class HostNativeLibrary
{
    private static readonly Lazy<bool> Activated = new(() =>
    {
        string path = NativeBuild.HostLibrary;
        NativeLibrary.SetDllImportResolver(typeof(NativeKernels).Assembly, (name, _, _) =>
            name == NativeKernels.LibraryName ? NativeLibrary.Load(path) : IntPtr.Zero);
        return true;
    });

    /// <summary>Builds the library if needed and makes the P/Invoke calls find it (once per process).</summary>
    public static void Activate() => _ = Activated.Value;
}
