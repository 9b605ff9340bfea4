namespace Edge.Targets.Costs;

/// <summary>
/// How the board's firmware runs the device code's kernels, which decides what an inference
/// costs: `managed` (nanoCLR interprets the C# kernels) or `native` (the firmware carries the
/// C kernel library, firmware/Edge.Native, called once per inference). Outputs are the same
/// bytes either way; only time and energy differ. Bench firmware revisions with these names
/// take these costs on the simulated rig.
/// </summary>
public sealed record FirmwareBuild(string Name, InterpreterCost Cost, string Description)
{
    public static readonly FirmwareBuild Managed = new("managed", InterpreterCost.NanoClr, "managed kernels interpreted by nanoCLR");

    public static readonly FirmwareBuild Native = new("native", InterpreterCost.NativeKernels, "native C kernels in the firmware (Edge.Native)");

    public static IReadOnlyList<FirmwareBuild> Known { get; } = [Managed, Native];

    /// <summary>The build a firmware revision names (`managed`, `native`, any case); null for any other revision.</summary>
    public static FirmwareBuild? TryFind(string? revision) =>
        Known.FirstOrDefault(b => string.Equals(b.Name, revision, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Name;
}
