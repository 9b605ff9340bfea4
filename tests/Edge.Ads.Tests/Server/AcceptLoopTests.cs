using System.Net.Sockets;
using System.Threading.Channels;
using Edge.Ads.Server;
using Edge.Ads.Server.Logging;
using Edge.Ads.Server.Transport;
using Edge.Ads.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Ads.Tests.Server;

/// <summary>
/// Out of file descriptors, accept fails at once and the pending connection stays queued: the
/// loop must pause (not spin at 81 % CPU, as it did), count, log a little, and recover.
/// </summary>
[TestClass]
public sealed class AcceptLoopTests
{
    [TestMethod]
    public async Task AcceptErrorsArePausedWithGrowingPausesCountedLoggedOnceAndRecoveredFrom()
    {
        const int failures = 40;
        var time = new FakeTimeProvider();
        var log = new CapturingLogger();
        var counters = new AdsServerCounters();
        var attempts = Channel.CreateUnbounded<DateTimeOffset>();
        int calls = 0;
        var admitted = new TaskCompletionSource<Socket>();
        using var recovered = new Socket(SocketType.Stream, ProtocolType.Tcp);
        var loop = new AcceptLoop(
            token =>
            {
                attempts.Writer.TryWrite(time.GetUtcNow());
                if (++calls <= failures)
                    throw new SocketException((int)SocketError.TooManyOpenSockets); // EMFILE
                if (calls == failures + 1)
                    return ValueTask.FromResult(recovered);
                return new ValueTask<Socket>(Task.Delay(Timeout.Infinite, token).ContinueWith(_ => recovered, TaskScheduler.Default));
            },
            socket => admitted.TrySetResult(socket),
            time, counters, new AdsServerLog(log, new LogThrottle(log, time, AdsServer.LogWindow, AdsServer.LogBurst)));
        using var stop = new CancellationTokenSource();
        var run = loop.RunAsync(stop.Token);

        // Time moves only when the test moves it: a loop that retried without pausing would make
        // all attempts at the same instant.
        var stamps = new List<DateTimeOffset> { await attempts.Reader.ReadAsync() };
        while (stamps.Count < failures + 1)
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            while (attempts.Reader.TryRead(out var stamp))
                stamps.Add(stamp);
            await Task.Yield();
        }
        Assert.AreSame(recovered, await admitted.Task.WaitAsync(TimeSpan.FromSeconds(10)), "the connection after the errors is admitted");

        stamps = stamps.Take(failures + 1).ToList(); // the attempt after the admitted one follows at once, rightly
        var pauses = stamps.Zip(stamps.Skip(1), (a, b) => b - a).ToArray();
        Assert.IsTrue(pauses.All(p => p >= AcceptLoop.FirstPause), "every retry came after a pause: " + string.Join(", ", pauses.Select(p => p.TotalMilliseconds)));
        Assert.IsGreaterThanOrEqualTo(AcceptLoop.LongestPause, pauses[^1], "pauses grow to the longest");
        Assert.AreEqual(failures, counters.Snapshot(0, 0).AcceptFailures);
        int failureLines = log.Entries.Count(e => e.Message.StartsWith("accepting connections failed", StringComparison.Ordinal));
        int windows = (int)((stamps[^1] - stamps[0]) / AdsServer.LogWindow) + 1;
        Assert.IsLessThanOrEqualTo((AdsServer.LogBurst + 1) * windows, failureLines, $"{failures} failures in {windows} log windows: a few lines and a summary per window");
        Assert.AreEqual(1, log.Entries.Count(e => e.Message == $"accepting connections again after {failures} failed attempts"));

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
