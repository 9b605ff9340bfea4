using Edge.Device.Board;
using Edge.Targets.Costs;

namespace Edge.Targets.Boards;

/// <summary>
/// A board Edge runs on, as the nanoFramework firmware image leaves it: the managed heap, what
/// nanoCLR itself keeps in it, the sizes the board app allocates (<see cref="BoardPresets"/>),
/// and the CPU that interprets the IL. Each figure carries its source.
/// </summary>
/// <param name="Name">Edge's name for the board (`--board`).</param>
/// <param name="NanoTarget">The nanoFramework firmware target (`nanoff --target`).</param>
/// <param name="ManagedHeapBytes">Managed heap the firmware image leaves (the lower end when the source gives a range).</param>
/// <param name="HeapSource">Where <paramref name="ManagedHeapBytes"/> comes from.</param>
/// <param name="RuntimeBytes">Heap nanoCLR and the libraries take before the app allocates anything.</param>
/// <param name="RuntimeSource">Where <paramref name="RuntimeBytes"/> comes from.</param>
/// <param name="Preset">What the board app allocates at start on this board.</param>
/// <param name="Cpi">Cycles per instruction interpreting IL (the managed kernels).</param>
/// <param name="NativeCpi">Cycles per instruction with the native kernels; null where their counts do not apply (no DSP extension, not counted).</param>
public sealed record BoardTarget(
    string Name,
    string NanoTarget,
    string Mcu,
    string Core,
    double ClockMHz,
    int ManagedHeapBytes,
    string HeapSource,
    int RuntimeBytes,
    string RuntimeSource,
    Func<BoardConfig> Preset,
    CpiBand Cpi,
    CpiBand? NativeCpi)
{
    /// <summary>Estimated time of this many instructions, low and high ends of the CPI band, in microseconds.</summary>
    public (double Low, double High) Micros(double instructions) => Micros(instructions, Cpi);

    /// <summary>The CPI band of a firmware build on this board; null when no estimate exists (<see cref="NativeCpi"/>).</summary>
    public CpiBand? CpiOf(FirmwareBuild build) => build == FirmwareBuild.Native ? NativeCpi : Cpi;

    /// <summary>Estimated time of one inference of this much work with this firmware build, in microseconds; null when the build has no estimate here.</summary>
    public (double Low, double High)? InferenceMicros(ModelWork work, FirmwareBuild build) =>
        CpiOf(build) is { } cpi ? Micros(build.Cost.Instructions(work), cpi) : null;

    /// <summary>"13-20 ms on nucleo-f746zg, estimated from measured instruction counts".</summary>
    public string EstimateText(double instructions) => EstimateText(instructions, Cpi, build: null);

    /// <summary>"40-75 us on nucleo-f746zg with native kernels, estimated from measured instruction counts (CPI 0.8-1.5 at 216 MHz)"; or why there is none.</summary>
    public string EstimateText(ModelWork work, FirmwareBuild build) =>
        CpiOf(build) is { } cpi
            ? EstimateText(build.Cost.Instructions(work), cpi, build)
            : $"no estimate on {Name} with {build.Name} kernels (the {Core}'s instruction counts were not measured)";

    private (double Low, double High) Micros(double instructions, CpiBand cpi) => (instructions * cpi.Low / ClockMHz, instructions * cpi.High / ClockMHz);

    private string EstimateText(double instructions, CpiBand cpi, FirmwareBuild? build)
    {
        var (low, high) = Micros(instructions, cpi);
        var c = System.Globalization.CultureInfo.InvariantCulture;
        return $"{CpiBand.Format(low, high)} on {Name}{(build is null ? "" : $" with {build.Name} kernels")}, estimated from measured instruction counts (CPI {cpi.Low.ToString(c)}-{cpi.High.ToString(c)} at {ClockMHz.ToString("0", c)} MHz)";
    }

    /// <summary>
    /// nanoCLR's own use of the heap with the board app's assemblies loaded: their runtime tables
    /// (CLR_RT_Assembly::CreateInstance puts them on the managed heap) measured on the POSIX
    /// nanoCLR (nf-interpreter a3e8139a1) with mscorlib, Runtime.Events, Runtime.Native,
    /// System.Text, IO.Streams, IO.Ports, Device.Gpio, Device.Adc and Edge.Device loaded: 11,176 B
    /// ("Total ... RAM" of the loader's trace; 64-bit blocks, so an upper bound for the MCU), plus
    /// an allowance of 3 KB for the main thread's stack frames, the UART, GPIO and ADC driver
    /// objects and the board app's own assembly (estimate).
    /// </summary>
    public const int AppRuntimeBytes = 11_176 + 3 * 1024;

    private const string AppRuntimeSource = "assemblies' runtime tables measured on the POSIX nanoCLR (11,176 B) + 3 KB allowance for thread frames and driver objects";

    public static readonly BoardTarget NucleoF746zg = new(
        "nucleo-f746zg", "ST_NUCLEO144_F746ZG", "STM32F746ZG", "Cortex-M7", 216,
        ManagedHeapBytes: 262_096 - 196_608 - 2_048,
        HeapSource: "nf-Community-Targets ST_NUCLEO144_F746ZG (f28df87): CLR_MANAGED_HEAP_RAM = ram0 (SRAM1+2, 256 KB - 48 B = 262,096 B) after .data and the 0x30000 (196,608 B) CRT heap of CMakeLists.txt; .data taken as at most 2 KB (nanoCLR core's is 488 B)",
        AppRuntimeBytes, AppRuntimeSource, BoardPresets.NucleoF746zg, CpiBand.CortexM7, CpiBand.CortexM7Native);

    public static readonly BoardTarget NucleoF401re = new(
        "nucleo-f401re", "ST_NUCLEO64_F401RE_NF", "STM32F401RE", "Cortex-M4", 84,
        ManagedHeapBytes: 98_256 - 3_072 - 10_240 - 30_720,
        HeapSource: "nf-Community-Targets ST_NUCLEO64_F401RE_NF (f28df87): everything shares ram0 (96 KB - 48 B = 98,256 B): stacks 0x400 + 0x800, the 0x2800 CRT heap, and .data/.bss taken as at most 30 KB (nanoCLR core's alone is 18.8 KB; ChibiOS, HAL and drivers add to it): an estimate until measured on a board",
        AppRuntimeBytes, AppRuntimeSource, BoardPresets.NucleoF401re, CpiBand.CortexM4, CpiBand.CortexM4Native);

    public static readonly BoardTarget NucleoF091rc = new(
        "nucleo-f091rc", "ST_NUCLEO64_F091RC", "STM32F091RC", "Cortex-M0", 48,
        ManagedHeapBytes: 4 * 1024,
        HeapSource: "nf-interpreter ST_NUCLEO64_F091RC: the rest of 32 KB SRAM after the CRT heap (0x2070) and .data/.bss: a few KB (research notes §3.1)",
        AppRuntimeBytes, AppRuntimeSource, BoardPresets.NucleoF091rc, CpiBand.CortexM0, NativeCpi: null);

    public static IReadOnlyList<BoardTarget> Known { get; } = [NucleoF746zg, NucleoF401re, NucleoF091rc];

    public static BoardTarget Find(string name) =>
        Known.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(t.NanoTarget, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new Edge.Common.SettingException($"unknown board '{name}'; known boards: {string.Join(", ", Known.Select(t => t.Name))}");

    public static BoardTarget? TryFind(string? name) =>
        name is null ? null : Known.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(t.NanoTarget, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Heap left for the app once nanoCLR has loaded it.</summary>
    public int AppHeapBytes => ManagedHeapBytes - RuntimeBytes;
}
