namespace Edge.Models.Boards;

/// <summary>
/// How much managed heap a board leaves for a model: its constants (weights, tables) and its
/// arena must both fit. Figures are the nanoFramework targets' managed heap as far as the
/// research notes establish them (shared/reference/nanoframework.md §3); measure on the board
/// with nanoFramework.Runtime.Native.GC.Run(true) before relying on the last kilobyte.
/// </summary>
public sealed record BoardBudget(string Name, string Core, int HeapBytes, string Note)
{
    public static readonly IReadOnlyList<BoardBudget> Known =
    [
        new("nucleo-f091rc", "Cortex-M0 48 MHz, no FPU", 4 * 1024, "32 KB SRAM; the managed heap is what the CRT heap leaves: a few KB"),
        new("nucleo-f746zg", "Cortex-M7 216 MHz", 60 * 1024, "256 KB SRAM shared with a 192 KB CRT heap for networking: about 60 KB managed heap"),
        new("stm32f769i-disco", "Cortex-M7 216 MHz", 13 * 1024 * 1024, "managed heap in 16 MB external SDRAM"),
    ];

    public static BoardBudget Find(string name) =>
        Known.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new Edge.Common.SettingException($"unknown board '{name}'; known boards: {string.Join(", ", Known.Select(b => b.Name))}");

    /// <summary>The arena budget this board leaves a model whose constants take <paramref name="residentBytes"/>.</summary>
    public int ArenaBudget(int residentBytes) => HeapBytes - residentBytes;
}
