using Edge.Board.Client;
using Edge.Board.Simulation;
using Edge.Device.Board;
using Edge.Hil.Cells;
using Edge.Hil.Plan;
using Edge.Hil.Tests.Support;

namespace Edge.Hil.Tests.Cells;

/// <summary>
/// The accuracy rows run on a simulated board in batches of as many rows as its vector slots
/// and one response frame hold: every row's outputs come back in order (the clamp model's,
/// worked by hand), in as many `infer` commands as the batches the hello allows.
/// </summary>
[TestClass]
public sealed class BoardOutputsTests
{
    private const int N = 8;

    private static async Task<(ScriptedPosition Position, BoardClient Client, BoardHello Hello)> BoardWithClampAsync()
    {
        var position = new ScriptedPosition(TestBoards.Simulated(profile: BoardProfile.NucleoF746zg.WithUnconstrainedMemory()));
        await position.EnsureFirmwareAsync(FirmwareVersions.Current, CancellationToken.None);
        await using (var monitor = await position.OpenMonitorAsync(CancellationToken.None))
            await monitor.SetTargetPowerAsync(true, CancellationToken.None); // the output stays on after the session
        var (client, hello) = await position.ConnectBoardAsync(CancellationToken.None);
        await client.UploadAsync(UploadKind.Model, ClampCell.Edgem(N));
        return (position, client, hello);
    }

    // The roomy build has 16 vector slots; the hello tells fewer. Slots 3: 7 rows in batches of 3, 3, 1. A frame of 16 + 2·(4·8) bytes holds two rows' outputs: 4 batches.
    // A frame too small for one row's outputs still takes one row at a time: 7.
    [TestMethod]
    [DataRow(3, 0, 3)]
    [DataRow(1, 0, 7)]
    [DataRow(3, 16 + 2 * 4 * N, 4)]
    [DataRow(3, 16 + 2 * 4 * N + 31, 4)]
    [DataRow(3, 10, 7)]
    [DataRow(0, 0, 7)]
    public async Task EveryRowsOutputsComeBackInOrderInBatchesTheHelloAllows(int slots, int maxPayload, int commands)
    {
        var (position, client, hello) = await BoardWithClampAsync();
        await using var _ = position;
        await using var __ = client;
        var rows = ClampCell.Rows(7, N);
        var told = hello with { VectorSlots = slots, MaxPayload = maxPayload == 0 ? hello.MaxPayload : maxPayload };

        var outputs = await BoardOutputs.RunAsync(client, told, rows, N, position, CancellationToken.None);

        Assert.AreEqual(commands, position.InferenceCommands);
        Assert.AreEqual(rows.Length, outputs.Length);
        for (int r = 0; r < rows.Length; r++)
            CollectionAssert.AreEqual(rows[r].Select(ClampCell.Expected).ToArray(), outputs[r], $"row {r}");
    }

    [TestMethod]
    public async Task NoRowsNoCommands()
    {
        var (position, client, hello) = await BoardWithClampAsync();
        await using var _ = position;
        await using var __ = client;
        Assert.AreEqual(0, (await BoardOutputs.RunAsync(client, hello, [], N, position, CancellationToken.None)).Length);
        Assert.AreEqual(0, position.InferenceCommands);
    }
}
