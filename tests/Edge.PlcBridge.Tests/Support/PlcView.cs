using Edge.Ads.Client;

namespace Edge.PlcBridge.Tests.Support;

/// <summary>
/// Reads the bridge as the TwinCAT sample does: the generated DUT, and one ADSREAD of the memory
/// map into <c>ARRAY [1..N] OF ST_EdgeBoard</c> with board n at (n - 1) * SIZEOF.
/// </summary>
internal sealed class PlcView : IAsyncDisposable
{
    private readonly TestBridge _bridge;

    private PlcView(TestBridge bridge, AdsTcpClient client, DutImage dut)
    {
        _bridge = bridge;
        Client = client;
        Dut = dut;
    }

    public AdsTcpClient Client { get; }

    public DutImage Dut { get; }

    public static async Task<PlcView> ConnectAsync(TestBridge bridge) =>
        new(bridge, await bridge.ConnectAsync(), DutImage.Parse(EdgeRun.PlcTypes(bridge.YamlText)));

    /// <summary>Byte offset of a member of a board in the group: what an ADSWRITE's IDXOFFS is.</summary>
    public uint OffsetOf(string board, string member) => (uint)((Slot(board) - 1) * Dut.Size + Dut.OffsetOf(member));

    /// <summary>One ADSREAD of every board, decoded; keyed by board name.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>>> ReadAllAsync()
    {
        int slots = _bridge.Config.Boards.Max(b => b.Slot);
        var bytes = await Client.ReadBytesAsync(_bridge.Config.Ads.IndexGroup, 0, slots * Dut.Size);
        return _bridge.Config.Boards.ToDictionary(b => b.Name, b => Dut.Decode(bytes.AsSpan((b.Slot - 1) * Dut.Size, Dut.Size)));
    }

    public async Task<IReadOnlyDictionary<string, object>> ReadAsync(string board) => (await ReadAllAsync())[board];

    /// <summary>Polls (ADSREAD) until <paramref name="condition"/> holds for the board; fails naming <paramref name="what"/>.</summary>
    public Task<IReadOnlyDictionary<string, object>> ReadUntilAsync(string board, Func<IReadOnlyDictionary<string, object>, bool> condition, string what) =>
        Eventually.ValueAsync(() => ReadAsync(board), condition,
            image => $"{board}: {what}; last read: {string.Join(", ", image.Where(kv => kv.Value is not Array).Select(kv => $"{kv.Key}={kv.Value}"))}");

    private int Slot(string board) => _bridge.Config.Boards.Single(b => b.Name == board).Slot;

    public async ValueTask DisposeAsync() => await Client.DisposeAsync();
}
