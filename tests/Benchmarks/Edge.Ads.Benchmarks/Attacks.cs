using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Edge.Ads.Ams;
using Edge.Ads.Client;
using Edge.Ads.Framing;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Server;
using Microsoft.Extensions.Logging;

namespace Edge.Ads.Benchmarks;

/// <summary>
/// The outside attacks of issue 12, replayed against an in-process server on loopback, with the
/// figures the issue asks for: memory under the notification attack, connections an attacker can
/// hold against the PLCs still served, log lines under a connect flood, and CPU while out of file
/// descriptors. Each prints one line of a markdown table.
/// </summary>
internal static class Attacks
{
    public const int Notifications = 490;
    private static readonly AmsAddress Attacker = new(AmsNetId.Parse("10.66.0.1.1.1"), 40000);

    /// <summary>
    /// 490 cyclic notifications at 10 ms with a 400 s max delay on 536-byte ranges (a bridge board
    /// STRUCT with 64 features), from one client that reads its socket or one that never does.
    /// Measured: managed heap after a full collection and working set, before and after.
    /// </summary>
    public static async Task NotificationFloodAsync(TimeSpan duration, bool clientReads)
    {
        await using var server = await BenchServer.StartAsync();
        var request = (int i) => new AdsAddNotificationRequest(BenchServer.Group, (uint)(i * 8 % (BenchServer.Boards * BenchServer.BoardType.Size - 536)), 536,
            AdsTransMode.Cyclic, (uint)TimeSpan.FromSeconds(400).Ticks, (uint)TimeSpan.FromMilliseconds(10).Ticks);
        AdsTcpClient? reader = null;
        TcpClient? deaf = null;
        Task drain = Task.CompletedTask;
        if (clientReads)
        {
            reader = await AdsTcpClient.ConnectAsync("127.0.0.1", server.Server.LocalEndPoint!.Port, BenchServer.Device, Attacker);
            for (int i = 0; i < Notifications; i++)
                await reader.AddNotificationAsync(request(i));
            drain = Task.Run(async () => { await foreach (var _ in reader.Notifications.ReadAllAsync()) { } });
        }
        else
        {
            deaf = new TcpClient { ReceiveBufferSize = 4096 };
            await deaf.ConnectAsync(IPAddress.Loopback, server.Server.LocalEndPoint!.Port);
            for (int i = 0; i < Notifications; i++)
            {
                var add = new AdsBufferWriter();
                AdsRequestEncoder.WriteAddNotification(add, request(i));
                var header = new AmsHeader(BenchServer.Device, Attacker, AdsCommandId.AddDeviceNotification, AmsStateFlags.Request, 0, AdsErrorCode.NoError, (uint)i);
                await deaf.GetStream().WriteAsync(AmsFrame.CreateAds(header, add.WrittenSpan));
            }
        }
        await Task.Delay(TimeSpan.FromSeconds(2)); // subscribed and running
        long heapStart = Heap(), setStart = Environment.WorkingSet;
        var clock = Stopwatch.StartNew();
        long heapPeak = heapStart;
        while (clock.Elapsed < duration)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            heapPeak = Math.Max(heapPeak, Heap());
        }
        long heapEnd = Heap(), setEnd = Environment.WorkingSet;
        double seconds = clock.Elapsed.TotalSeconds;
        var stats = server.Server.Statistics;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| Notification flood, client {(clientReads ? "reads" : "never reads")} | {seconds:0} s | heap {Mb(heapStart)} -> {Mb(heapEnd)} MB (peak {Mb(heapPeak)}), {(heapEnd - heapStart) / 1e6 / seconds:0.00} MB/s; working set {Mb(setStart)} -> {Mb(setEnd)} MB | {stats.NotificationsSent:N0} samples sent, {stats.NotificationsDropped:N0} dropped |"));
        if (reader is not null)
            await reader.DisposeAsync();
        deaf?.Dispose();
    }

    /// <summary>
    /// An attacker connects from four loopback addresses (10 attempts each) and holds what it gets,
    /// idle or sending a request every 5 s; then a PLC (127.0.0.20, a reserved peer) connects 4 times.
    /// </summary>
    public static async Task ConnectionExhaustionAsync(bool attackerSendsRequests)
    {
        var plc = IPAddress.Parse("127.0.0.20");
        await using var server = await BenchServer.StartAsync(o =>
        {
            o.MaxConnections = 32;
            o.MaxConnectionsPerPeer = 8;
            o.ReservedPeers.Add(new IPNetwork(plc, 32));
        });
        int port = server.Server.LocalEndPoint!.Port;
        using var stop = new CancellationTokenSource();
        var attacker = new List<TcpClient>();
        var keepAlive = new List<Task>();
        for (int address = 1; address <= 4; address++)
        {
            for (int i = 0; i < 10; i++)
            {
                var tcp = new TcpClient(new IPEndPoint(IPAddress.Parse($"127.0.0.{address}"), 0));
                await tcp.ConnectAsync(IPAddress.Loopback, port);
                attacker.Add(tcp);
                if (attackerSendsRequests)
                    keepAlive.Add(KeepBusyAsync(tcp, stop.Token));
            }
        }
        await Task.Delay(TimeSpan.FromSeconds(1));
        int held = server.Server.Statistics.ActiveConnections;
        int served = 0;
        var plcs = new List<TcpClient>();
        for (int i = 0; i < 4; i++)
        {
            var tcp = new TcpClient(new IPEndPoint(plc, 0));
            plcs.Add(tcp);
            await tcp.ConnectAsync(IPAddress.Loopback, port);
            if (await ReadStateAsync(tcp, TimeSpan.FromSeconds(3)))
                served++;
        }
        await Task.Delay(TimeSpan.FromSeconds(12)); // past the request timeout (10 s)
        int heldLater = server.Server.Statistics.ActiveConnections - served;
        await stop.CancelAsync();
        Console.WriteLine($"| Connection exhaustion, attacker {(attackerSendsRequests ? "sends a request every 5 s" : "idle")} | 40 attempts from 4 addresses | attacker holds {held} of 32; PLC connections served {served} of 4 | attacker still holds {heldLater} after 12 s |");
        foreach (var tcp in attacker.Concat(plcs))
            tcp.Dispose();
        await Task.WhenAll(keepAlive.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    /// <summary>Connects as fast as 4 loops can for <paramref name="duration"/> from a peer outside the allow-list; counts log lines.</summary>
    public static async Task ConnectFloodAsync(TimeSpan duration)
    {
        var log = new CountingLogger();
        await using var server = await BenchServer.StartAsync(o => o.AllowedPeers.Add(IPNetwork.Parse("10.0.0.0/8")), log);
        int port = server.Server.LocalEndPoint!.Port;
        var end = DateTime.UtcNow + duration;
        long attempts = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (DateTime.UtcNow < end)
            {
                using var tcp = new TcpClient();
                try
                {
                    await tcp.ConnectAsync(IPAddress.Loopback, port);
                    Interlocked.Increment(ref attempts);
                }
                catch (SocketException)
                {
                }
            }
        })));
        await Task.Delay(TimeSpan.FromSeconds(1));
        long lines = log.Lines;
        Console.WriteLine($"| Connect flood from a peer outside allowed-peers | {duration.TotalSeconds:0} s, {attempts:N0} connects | {server.Server.Statistics.ConnectionsRejected:N0} refused, {lines:N0} log lines (Information and up) | |");
    }

    /// <summary>
    /// Out of file descriptors (RLIMIT_NOFILE lowered, the rest used up) with a connection waiting
    /// to be accepted: the process's CPU over 5 s, then the time until that connection is served
    /// once descriptors are free again. Linux only.
    /// </summary>
    public static async Task DescriptorExhaustionAsync()
    {
        if (!OperatingSystem.IsLinux())
            return;
        await using var server = await BenchServer.StartAsync();
        int port = server.Server.LocalEndPoint!.Port;
        Native.GetLimit(out var original);
        int open = Directory.GetFiles("/proc/self/fd").Length;
        Native.SetLimit(new Native.Limit { Current = (ulong)open + 32, Maximum = original.Maximum });
        var hogs = new List<FileStream>();
        try
        {
            try
            {
                while (true)
                    hogs.Add(new FileStream("/dev/null", FileMode.Open, FileAccess.Read));
            }
            catch (IOException)
            {
            }
            hogs[^1].Dispose(); // one descriptor for the client's socket; none left for the server's accept
            hogs.RemoveAt(hogs.Count - 1);
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, port);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(5));
            double busy = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / wall.Elapsed.TotalSeconds;
            long failures = server.Server.Statistics.AcceptFailures;

            foreach (var hog in hogs)
                hog.Dispose();
            hogs.Clear();
            var recovery = Stopwatch.StartNew();
            bool served = await ReadStateAsync(tcp, TimeSpan.FromSeconds(10));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| Out of file descriptors, one connection waiting | 5 s | process CPU {busy * 100:0} % of one core; {failures:N0} failed accepts | served {(served ? $"{recovery.Elapsed.TotalMilliseconds:0} ms" : "never")} after descriptors were freed |"));
        }
        finally
        {
            foreach (var hog in hogs)
                hog.Dispose();
            Native.SetLimit(original);
        }
    }

    private static async Task KeepBusyAsync(TcpClient tcp, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested && await ReadStateAsync(tcp, TimeSpan.FromSeconds(3)))
                await Task.Delay(TimeSpan.FromSeconds(5), stop);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
    }

    // One ReadState to the device and its answer, on a plain socket: true when answered.
    private static async Task<bool> ReadStateAsync(TcpClient tcp, TimeSpan timeout)
    {
        try
        {
            var header = new AmsHeader(BenchServer.Device, Attacker, AdsCommandId.ReadState, AmsStateFlags.Request, 0, AdsErrorCode.NoError, 1);
            var stream = tcp.GetStream();
            await stream.WriteAsync(AmsFrame.CreateAds(header, []));
            using var cts = new CancellationTokenSource(timeout);
            var answer = new byte[AmsFrame.HeaderSize + 8];
            await stream.ReadExactlyAsync(answer, cts.Token);
            return true;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or EndOfStreamException or InvalidOperationException)
        {
            return false;
        }
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Mb(long bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Counts the lines a console logger would write (Information and up).</summary>
    private sealed class CountingLogger : ILogger<AdsServer>
    {
        private long _lines;

        public long Lines => Interlocked.Read(ref _lines);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                Interlocked.Increment(ref _lines);
        }
    }

    private static class Native
    {
        private const int RlimitNoFile = 7;

        [StructLayout(LayoutKind.Sequential)]
        public struct Limit
        {
            public ulong Current;
            public ulong Maximum;
        }

        public static void GetLimit(out Limit limit)
        {
            if (getrlimit(RlimitNoFile, out limit) != 0)
                throw new InvalidOperationException($"getrlimit failed ({Marshal.GetLastPInvokeError()})");
        }

        public static void SetLimit(Limit limit)
        {
            if (setrlimit(RlimitNoFile, in limit) != 0)
                throw new InvalidOperationException($"setrlimit failed ({Marshal.GetLastPInvokeError()})");
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int getrlimit(int resource, out Limit limit);

        [DllImport("libc", SetLastError = true)]
        private static extern int setrlimit(int resource, in Limit limit);
    }
}
