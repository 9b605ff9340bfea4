using Edge.PlcBridge.Configuration;

namespace Edge.PlcBridge.Layout;

/// <summary>
/// The fixed memory map (docs/memory-map.md): every board in one data group, board in slot n at
/// offset (n - 1) * SIZEOF(ST_EdgeBoard), so the group reads as <c>ARRAY [1..N] OF ST_EdgeBoard</c>
/// with one ADSREAD. Slots come from the configuration and do not move when boards are added.
/// </summary>
public sealed class MemoryMap
{
    /// <summary>Highest slot a configuration may use.</summary>
    public const int MaxSlot = 1024;

    private MemoryMap(BoardLayout layout, uint indexGroup, IReadOnlyList<MemoryMapEntry> entries)
    {
        Layout = layout;
        IndexGroup = indexGroup;
        Entries = entries;
    }

    public static MemoryMap Of(BridgeConfig config)
    {
        var layout = BoardLayout.For(config.FeatureSlots);
        var entries = config.Boards
            .OrderBy(b => b.Slot)
            .Select(b => new MemoryMapEntry(b.Name, b.Slot, config.Ads.IndexGroup, checked((uint)((b.Slot - 1) * layout.ByteSize)), layout.ByteSize))
            .ToArray();
        return new MemoryMap(layout, config.Ads.IndexGroup, entries);
    }

    public BoardLayout Layout { get; }

    public uint IndexGroup { get; }

    /// <summary>One entry per board, by slot.</summary>
    public IReadOnlyList<MemoryMapEntry> Entries { get; }

    /// <summary>Highest slot in use: the PLC's array is <c>ARRAY [1..HighestSlot] OF ST_EdgeBoard</c>.</summary>
    public int HighestSlot => Entries.Count == 0 ? 0 : Entries[^1].Slot;

    /// <summary>Bytes from offset 0 to the end of the last board; slots without a board read as zeros.</summary>
    public int TotalSize => HighestSlot * Layout.ByteSize;

    public MemoryMapEntry this[string board] =>
        Entries.FirstOrDefault(e => string.Equals(e.Board, board, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"no board called {board} in the memory map", nameof(board));
}
