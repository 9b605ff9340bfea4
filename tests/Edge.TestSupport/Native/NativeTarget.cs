namespace Edge.TestSupport.Native;

/// <summary>
/// A Cortex-M core the native kernels are cross-compiled for and run on under QEMU: the
/// compiler's -mcpu and the MPS2 FPGA image QEMU models with that core.
/// </summary>
public sealed record NativeTarget(string Name, string Cpu, string QemuMachine, bool HasDsp)
{
    /// <summary>Cortex-M7 (Armv7E-M, DSP): QEMU's MPS2 AN500.</summary>
    public static NativeTarget CortexM7 { get; } = new("cortex-m7", "cortex-m7", "mps2-an500", true);

    /// <summary>Cortex-M4 (Armv7E-M, DSP): QEMU's MPS2 AN386.</summary>
    public static NativeTarget CortexM4 { get; } = new("cortex-m4", "cortex-m4", "mps2-an386", true);

    /// <summary>Cortex-M3 (Armv7-M, no DSP): the portable C path on a Cortex-M, QEMU's MPS2 AN385.</summary>
    public static NativeTarget CortexM3 { get; } = new("cortex-m3", "cortex-m3", "mps2-an385", false);

    public static IReadOnlyList<NativeTarget> All { get; } = [CortexM7, CortexM4, CortexM3];

    public static NativeTarget Named(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"no native target '{name}'");

    public override string ToString() => Name;
}
