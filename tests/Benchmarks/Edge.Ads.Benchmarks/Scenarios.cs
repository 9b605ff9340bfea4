using System.Diagnostics;
using Edge.Ads.Client;
using Edge.Ads.Framing;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Types;

namespace Edge.Ads.Benchmarks;

/// <summary>The measured scenarios. Each client runs request after request (no pipelining), as ADS clients and PLCs do.</summary>
internal static class Scenarios
{
    /// <summary>Read one 88-byte board STRUCT, over and over, from <paramref name="clients"/> connections at once.</summary>
    public static async Task<Result> ReadsAsync(BenchServer server, int clients, TimeSpan duration)
    {
        var connections = await ConnectAsync(server, clients);
        var recorders = await RunAsync(connections, duration, async (client, i) =>
            (await client.ReadAsync(BenchServer.Group, (uint)(i % BenchServer.Boards * BenchServer.BoardType.Size), (uint)BenchServer.BoardType.Size)).GetDataOrThrow("read"));
        await DisposeAllAsync(connections);
        return Result.From($"Read 88 B, {clients} client{(clients > 1 ? "s" : "")}", recorders, duration, "reads/s");
    }

    /// <summary>One sum read (0xF080) of all 100 boards' AnomalyRate and Inferences: 100 sub-reads in one request.</summary>
    public static async Task<Result> SumReadsAsync(BenchServer server, int clients, TimeSpan duration)
    {
        var rate = BenchServer.BoardType.Locate("AnomalyRate");
        var records = new AdsBufferWriter();
        for (int i = 0; i < BenchServer.Boards; i++)
        {
            records.WriteUInt32(BenchServer.Group);
            records.WriteUInt32((uint)(i * BenchServer.BoardType.Size + rate.Offset));
            records.WriteUInt32(8); // AnomalyRate + the 4 bytes after it
        }
        var request = records.ToArray();
        uint readLength = BenchServer.Boards * (4 + 8);
        var connections = await ConnectAsync(server, clients);
        var recorders = await RunAsync(connections, duration, async (client, _) =>
            (await client.ReadWriteAsync(AdsIndexGroup.SumRead, BenchServer.Boards, readLength, request)).GetDataOrThrow("sum read"));
        await DisposeAllAsync(connections);
        return Result.From($"Sum read of 100 symbols, {clients} client{(clients > 1 ? "s" : "")}", recorders, duration, "sum reads/s");
    }

    /// <summary>
    /// <paramref name="subscribers"/> connections each hold an on-change notification on Board1's
    /// AnomalyRate; the application changes it once; measured is the time until every subscriber
    /// has the new value.
    /// </summary>
    public static async Task<Result> FanOutAsync(BenchServer server, int subscribers, int changes)
    {
        var connections = await ConnectAsync(server, subscribers);
        var rate = BenchServer.BoardType.Locate("AnomalyRate");
        var board = server.Board(0);
        var request = new AdsAddNotificationRequest(BenchServer.Group, (uint)rate.Offset, 4, AdsTransMode.OnChange, 0, 0);
        foreach (var client in connections)
        {
            (await client.AddNotificationAsync(request)).ErrorCode.ThrowIfError("add notification");
            await client.Notifications.ReadAsync(); // the initial sample
        }
        var recorder = new LatencyRecorder();
        for (int change = 1; change <= changes; change++)
        {
            float value = change;
            long start = Stopwatch.GetTimestamp();
            board.Update(v => v.Set(rate, value));
            await Task.WhenAll(connections.Select(c => WaitForAsync(c, value)));
            recorder.Add(Stopwatch.GetTimestamp() - start);
        }
        await DisposeAllAsync(connections);
        return Result.From($"Fan-out of 1 change to {subscribers} subscriber{(subscribers > 1 ? "s" : "")}", [recorder], null, "changes/s");
    }

    private static async Task WaitForAsync(AdsTcpClient client, float value)
    {
        while (true)
        {
            var notification = await client.Notifications.ReadAsync();
            foreach (var sample in notification.Stamps.SelectMany(s => s.Samples))
            {
                if (BitConverter.ToSingle(sample.Data.Span) == value)
                    return;
            }
        }
    }

    private static async Task<LatencyRecorder[]> RunAsync(AdsTcpClient[] clients, TimeSpan duration, Func<AdsTcpClient, int, Task<byte[]>> operation)
    {
        // Warm up (JIT, buffers), then measure for the duration.
        await Task.WhenAll(clients.Select(async c => { for (int i = 0; i < 200; i++) await operation(c, i); }));
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return await Task.WhenAll(clients.Select(c => Task.Run(async () =>
        {
            var recorder = new LatencyRecorder();
            for (int i = 0; Stopwatch.GetTimestamp() < end; i++)
            {
                long start = Stopwatch.GetTimestamp();
                await operation(c, i);
                recorder.Add(Stopwatch.GetTimestamp() - start);
            }
            return recorder;
        })));
    }

    private static async Task<AdsTcpClient[]> ConnectAsync(BenchServer server, int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => server.ConnectAsync()));

    private static async Task DisposeAllAsync(IEnumerable<AdsTcpClient> clients)
    {
        foreach (var client in clients)
            await client.DisposeAsync();
    }

    private static void ThrowIfError(this AdsErrorCode code, string what)
    {
        if (code != AdsErrorCode.NoError)
            throw new AdsErrorException(code, what);
    }
}
