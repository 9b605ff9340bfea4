using Edge.Board.Client;
using Edge.Board.Simulation;
using Edge.Board.Tests.Support;
using Edge.Device.Board;
using Edge.Device.Model;
using Edge.TestSupport;

namespace Edge.Board.Tests.Transport;

/// <summary>
/// The host talks to a simulated board through a real Linux pseudo-terminal pair, opened with
/// System.IO.Ports like a USB serial adapter: the path a bench host uses for a real board.
/// </summary>
[TestClass]
public sealed class SerialLineTests
{
    [TestMethod]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task HostDrivesABoardThroughAPseudoTerminal()
    {
        Assert.IsTrue(OperatingSystem.IsLinux(), "this test needs Linux pseudo-terminals (CI runs on Linux)");
        using var board = new SimulatedBoard(BoardProfile.NucleoF746zg.WithUnconstrainedMemory(), RepoPaths.TempDirectory("pty-board"), "pty-board");
        await using var host = SimulatedBoardHost.OpenPty(board);
        StringAssert.StartsWith(host.Address, "/dev/pts/");

        var (client, hello) = await BoardClient.ConnectAsync(host.Address, baudRate: 115200);
        await using (client)
        {
            StringAssert.Contains(hello.BoardName, "pty-board");
            var upload = await client.UploadAsync(UploadKind.Model, Fixtures.FluxMlp);
            Assert.AreEqual(ModelReader.Read(Fixtures.FluxMlp).IdHex, upload.ModelId);
            var row = Fixtures.Read("test_164V").NumberRows(Enumerable.Range(0, 64).Select(i => "f" + i).ToArray())[0].Select(v => (float)v).ToArray();
            await client.SetVectorAsync(0, row);
            var run = await client.InferAsync(0, 1, 10, 1);
            Assert.AreEqual(10, run.Inferences);
            Assert.IsTrue(run.Outputs[0][0] is >= 0 and <= 1);
            Assert.AreEqual(0, (await client.StatusAsync()).FramesRejected, "a clean serial line rejects nothing");
        }
    }

    [TestMethod]
    public async Task MissingSerialDeviceIsNamed()
    {
        var e = await Assert.ThrowsExactlyAsync<Edge.Board.Link.BoardLinkException>(() => BoardClient.ConnectAsync("/dev/ttyEDGE-none"));
        StringAssert.Contains(e.Message, "/dev/ttyEDGE-none");
        StringAssert.Contains(e.Message, "plugged in");
    }
}
