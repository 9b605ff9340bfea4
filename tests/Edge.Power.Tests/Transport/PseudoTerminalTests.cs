using System.Runtime.Versioning;
using Edge.Transport;
using Edge.Transport.Unix;

namespace Edge.Power.Tests.Transport;

[TestClass]
[OSCondition(OperatingSystems.Linux)]
[SupportedOSPlatform("linux")]
public sealed class PseudoTerminalTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Every_byte_value_crosses_the_terminal_unchanged_both_ways()
    {
        using var terminal = PseudoTerminal.Open();
        StringAssert.StartsWith(terminal.DevicePath, "/dev/pts/");
        await using var client = SerialPortTransport.Open(terminal.DevicePath, 115200);
        // Raw mode matters: a cooked terminal would turn \n into \r\n, eat ^C and echo.
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        await terminal.Master.WriteAsync(all, TestContext.CancellationToken);
        CollectionAssert.AreEqual(all, await ReadExactlyAsync(client.Stream, all.Length));

        await client.Stream.WriteAsync(all, TestContext.CancellationToken);
        CollectionAssert.AreEqual(all, await ReadExactlyAsync(terminal.Master, all.Length));
    }

    [TestMethod]
    public async Task Closing_the_terminal_ends_the_clients_stream()
    {
        var terminal = PseudoTerminal.Open();
        await using var client = SerialPortTransport.Open(terminal.DevicePath, 115200);
        var pending = client.Stream.ReadAsync(new byte[16], TestContext.CancellationToken).AsTask();
        terminal.Dispose();
        try
        {
            int read = await pending.WaitAsync(TimeSpan.FromSeconds(5), TestContext.CancellationToken);
            Assert.AreEqual(0, read, "end of stream, or an exception: either tells the driver the monitor is gone");
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    private async Task<byte[]> ReadExactlyAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        await stream.ReadExactlyAsync(buffer, timeout.Token);
        return buffer;
    }
}
