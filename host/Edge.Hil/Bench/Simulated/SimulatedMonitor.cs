namespace Edge.Hil.Bench.Simulated;

/// <summary>
/// A simulated STLINK-V3PWR, the current it measures (whichever simulated board is attached,
/// <see cref="SimulatedBoardCurrent"/>) and the output it powers that board through. A position
/// owns one; boards that share a named monitor take turns on one, as they would on a monitor
/// switched between them.
/// </summary>
public sealed class SimulatedMonitor : IAsyncDisposable
{
    // The simulated monitor asks the board's current synchronously and waits while the board's
    // clock has not reached the sample: a pool thread blocked for the whole acquisition, per
    // monitor. With the pool's minimum at the core count (2 here) and a caller blocking another,
    // the link's continuations would wait for thread injection (~0.5 s a time): keep a few spare.
    private const int SpareThreads = 6;
    private const int ThreadsPerMonitor = 2;
    private static int s_live;

    public SimulatedMonitor(string boardId)
    {
        int live = Interlocked.Increment(ref s_live);
        ThreadPool.GetMinThreads(out int workers, out int completion);
        int wanted = SpareThreads + ThreadsPerMonitor * live;
        if (workers < wanted) ThreadPool.SetMinThreads(wanted, completion);
        Host = new SimulatedMonitorHost(Current, boardId, Output);
    }

    public SimulatedBoardCurrent Current { get; } = new();

    /// <summary>What the monitor powers the board through (`pwr on|off`).</summary>
    public SimulatedMonitorOutput Output { get; } = new();

    public SimulatedMonitorHost Host { get; }

    public async ValueTask DisposeAsync()
    {
        Current.Release();
        await Host.DisposeAsync().ConfigureAwait(false);
        Interlocked.Decrement(ref s_live);
    }
}
