using Edge.Ads.Protocol;
using Edge.Ads.Server.Symbols;
using Edge.PlcBridge.Configuration;
using Edge.PlcBridge.Layout;

namespace Edge.PlcBridge.Publishing;

/// <summary>
/// The ADS side of a configuration: one <c>ST_EdgeBoard</c> symbol per board, named after it, at
/// its memory-map place, read-only except the acknowledges the configuration enables.
/// </summary>
public sealed class BridgeSymbols
{
    private BridgeSymbols(AdsSymbolTable table, MemoryMap map, IReadOnlyList<BoardSlot> slots)
    {
        Table = table;
        Map = map;
        Slots = slots;
    }

    public AdsSymbolTable Table { get; }

    public MemoryMap Map { get; }

    public IReadOnlyList<BoardSlot> Slots { get; }

    public BoardSlot this[string board] =>
        Slots.FirstOrDefault(s => string.Equals(s.Board, board, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"no board called {board}", nameof(board));

    public static BridgeSymbols Create(BridgeConfig config)
    {
        var map = MemoryMap.Of(config);
        var table = new AdsSymbolTable();
        var slots = new List<BoardSlot>();
        foreach (var entry in map.Entries)
        {
            var board = config.Boards.Single(b => b.Name == entry.Board);
            var symbol = table.Publish(entry.Board, map.Layout.Type, entry.IndexGroup, entry.IndexOffset, $"Edge board {board.Name} at {board.Address}");
            string ackPath = $"{entry.Board}.{BoardLayout.AlarmAck}";
            bool ackEnabled = config.Ads.WriteEnabled.Contains(ackPath, StringComparer.OrdinalIgnoreCase);
            var slot = new BoardSlot(symbol, map.Layout, entry, ackEnabled);
            if (ackEnabled)
                table.EnableWrites(ackPath, write => OnAcknowledgeWrite(slot, write));
            slot.Publish(BoardReading.Initial(entry.Board));
            slots.Add(slot);
        }
        return new BridgeSymbols(table, map, slots);
    }

    // A BOOL takes 0 or 1; TRUE wakes the board's watcher, which forwards it and resets the member.
    private static AdsErrorCode OnAcknowledgeWrite(BoardSlot slot, AdsSymbolWrite write)
    {
        if (write.Data.Length != 1 || write.Data.Span[0] > 1)
            return AdsErrorCode.DeviceInvalidData;
        if (write.Data.Span[0] == 1)
            slot.OnAcknowledgeWritten();
        return AdsErrorCode.NoError;
    }
}
