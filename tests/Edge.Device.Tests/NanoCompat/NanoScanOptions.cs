namespace Edge.Device.Tests.NanoCompat;

/// <summary>What an assembly may reference, and where to look up the types of those references.</summary>
/// <param name="AllowedReferences">Assembly names the scanned assembly may reference (mscorlib always).</param>
/// <param name="ReferencePaths">Assemblies to read for whether a referenced value type is an enum or a struct.</param>
/// <param name="HotPathUpstreamCalls">Methods of referenced assemblies a [HotPath] method may call, by "Namespace.Type.Method".</param>
public sealed record NanoScanOptions(IReadOnlyCollection<string> AllowedReferences, IReadOnlyList<string> ReferencePaths, IReadOnlyCollection<string> HotPathUpstreamCalls)
{
    /// <summary>Device code: mscorlib only.</summary>
    public static NanoScanOptions DeviceCode => new(Array.Empty<string>(), new[] { NanoBuild.Mscorlib }, Array.Empty<string>());

    /// <summary>
    /// The board app: mscorlib and the upstream packages it pins. The hot path may call the native
    /// methods checked to allocate nothing on nanoCLR: GpioPin.Toggle (no arguments, no result;
    /// nf-interpreter src/System.Device.Gpio/sys_dev_gpio_native_System_Device_Gpio_GpioPin.cpp,
    /// Toggle___VOID) and Environment.TickCount64 (returns a long;
    /// src/nanoFramework.Runtime.Native/nf_rt_native_System_Environment.cpp). Not
    /// AdcChannel.ReadValue: it takes a lock, and nanoCLR allocates a lock record for every
    /// Monitor.Enter on an unlocked object (CLR_RT_ExecutionEngine::LockObject).
    /// </summary>
    public static NanoScanOptions BoardApp(IReadOnlyList<string> referenceAssemblies) => new(
        referenceAssemblies.Select(Path.GetFileNameWithoutExtension).ToList()!,
        new[] { NanoBuild.Mscorlib }.Concat(referenceAssemblies).ToList(),
        new[] { "System.Device.Gpio.GpioPin.Toggle", "System.Environment.get_TickCount64" });
}
