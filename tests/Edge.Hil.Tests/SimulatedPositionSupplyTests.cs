using Edge.Board.Client;
using Edge.Board.Link;
using Edge.Device.Board;
using Edge.Device.Model;
using Edge.Hil.Bench.Simulated;
using Edge.Hil.Tests.Support;
using Edge.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Hil.Tests;

/// <summary>
/// A simulated position's board is powered through its simulated monitor's output, as a Nucleo
/// on an STLINK-V3PWR is (host/Edge.Hil/README.md): off until `pwr on`, stopped by `pwr off`,
/// booted from its flash (its committed model) by the next `pwr on`; the output keeps its state
/// when the host closes the monitor session.
/// </summary>
[TestClass]
public sealed class SimulatedPositionSupplyTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task TheBoardRunsOnlyWhileTheMonitorsOutputIsOn()
    {
        var ct = TestContext.CancellationToken;
        await using var position = new SimulatedPosition(TestBoards.Simulated(), RepoPaths.TempDirectory("hil-supply"), NullLogger.Instance);
        var unflashed = await Assert.ThrowsExactlyAsync<BoardLinkException>(() => position.ConnectBoardAsync(ct));
        StringAssert.Contains(unflashed.Message, "no firmware was flashed");
        await position.EnsureFirmwareAsync("1.1.0", ct);
        var off = await Assert.ThrowsExactlyAsync<BoardLinkException>(() => position.ConnectBoardAsync(ct));
        Assert.AreEqual("the simulated sim is not running: its monitor's output is off (pwr on)", off.Message);

        await using (var monitor = await position.OpenMonitorAsync(ct))
            await monitor.SetTargetPowerAsync(true, ct);
        byte[] clamp = ClampCell.Edgem(4);
        var (client, hello) = await position.ConnectBoardAsync(ct);
        await using (client)
        {
            Assert.AreEqual("1.1.0", hello.FirmwareVersion, "powered after the session closed, running what was flashed");
            await client.UploadAsync(UploadKind.Model, clamp, cancellationToken: ct);
        }

        await using (var monitor = await position.OpenMonitorAsync(ct))
        {
            await monitor.SetTargetPowerAsync(false, ct);
            await Assert.ThrowsExactlyAsync<BoardLinkException>(() => position.ConnectBoardAsync(ct));
            await monitor.SetTargetPowerAsync(true, ct);
        }
        (client, _) = await position.ConnectBoardAsync(ct);
        await using (client)
            Assert.AreEqual(ModelReader.Read(clamp).IdHex, (await client.StatusAsync(ct)).ModelId, "booted from its flash with the committed model");
    }
}
