using System.Diagnostics;
using System.Net.Sockets;
using Edge.Ads.Client;
using Edge.Ads.Protocol;
using Edge.Ads.Tests.Support;

namespace Edge.Ads.Tests.Robustness;

/// <summary>
/// At least 100 000 malformed or mutated frames (seeded) against one server: it stays up, keeps
/// answering a well-behaved client correctly while under attack, closes every hostile connection
/// it should, and its managed heap grows by less than a stated bound.
/// </summary>
[TestClass]
public sealed class HostileInputTests
{
    private const int Frames = 100_000;
    private const long HeapGrowthBound = 64L * 1024 * 1024;

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task MalformedTrafficLeavesTheServerUpAnsweringAndBounded()
    {
        var log = new CapturingLogger(Microsoft.Extensions.Logging.LogLevel.Warning);
        await using var server = await TestServer.StartAsync(logger: log);
        var board = server.Board(1);
        SampleBoards.Fill(board, seed: 1);
        await using var valid = await server.ConnectAsync(new(Ams.AmsNetId.Parse("10.0.0.99.1.1"), 40000));
        await CheckValidClientAsync(valid, board);

        long heapBefore = Heap();
        var generator = new HostileFrames(new Random(20251124), server.Device, TestServer.ClientAddress);
        int sent = 0, batches = 0, hostileConnections = 0;
        var clock = Stopwatch.StartNew();
        while (sent < Frames)
        {
            hostileConnections++;
            using var tcp = new TcpClient { NoDelay = true };
            await tcp.ConnectAsync("127.0.0.1", server.Port);
            var stream = tcp.GetStream();
            var drain = DrainAsync(stream);
            bool closedByUs = false;
            while (sent < Frames && !drain.IsCompleted)
            {
                var (bytes, frames, breaks) = generator.NextBatch(50);
                try
                {
                    await stream.WriteAsync(bytes);
                }
                catch (IOException)
                {
                    break; // the server hung up on an earlier frame; what it had read counts
                }
                sent += frames;
                if (++batches % 200 == 0)
                    await CheckValidClientAsync(valid, board);
                if (breaks)
                {
                    tcp.Client.Shutdown(SocketShutdown.Send); // a truncated frame ends here
                    closedByUs = true;
                    break;
                }
            }
            if (!closedByUs)
                tcp.Client.Shutdown(SocketShutdown.Send);
            await drain.WaitAsync(TimeSpan.FromSeconds(10)); // the server must close every hostile connection
        }

        await Eventually.TrueAsync(() => server.Server.Statistics.ActiveConnections == 1, "only the valid client stays connected");
        await CheckValidClientAsync(valid, board);
        long growth = Heap() - heapBefore;
        var stats = server.Server.Statistics;
        Console.WriteLine($"{sent} frames in {batches} batches over {hostileConnections} connections, {clock.Elapsed.TotalSeconds:F1} s; " +
            $"server read {stats.FramesReceived} frames, answered {stats.ErrorReplies} with errors, dropped {stats.ProtocolViolations} connections; heap growth {growth / 1024} KiB");

        Assert.IsGreaterThanOrEqualTo(Frames, sent);
        Assert.IsGreaterThan(Frames * 9L / 10, stats.FramesReceived, "most hostile frames reached the request handlers");
        Assert.IsGreaterThan(hostileConnections / 2, (int)stats.ProtocolViolations, "framing faults were recognised as such");
        Assert.IsLessThan(HeapGrowthBound, growth, $"heap grew by {growth / 1024 / 1024} MiB");
        var errors = log.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).ToArray();
        Assert.IsEmpty(errors, "no hostile frame may reach an unexpected exception: " + string.Join("\n", errors.Take(5)));
    }

    private static async Task CheckValidClientAsync(AdsTcpClient client, Ads.Server.Symbols.AdsSymbol board)
    {
        Assert.AreEqual(AdsState.Run, (await client.ReadStateAsync()).AdsState);
        var read = await client.ReadAsync(0x4040, 0, 88);
        CollectionAssert.AreEqual(board.ReadValue(), read.GetDataOrThrow("board read during the attack"));
    }

    // Reads and discards answers until the server closes the connection.
    private static async Task DrainAsync(NetworkStream stream)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (await stream.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (IOException)
        {
        }
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
