using Edge.Power.Backends;
using Edge.Power.Energy;
using Edge.Power.Samples;

namespace Edge.Power.Simulation;

/// <summary>
/// Streams one acquisition: samples from the profile at the configured rate, a timestamp every
/// 1000 samples (as both monitors do), event lines on trigger edges when enabled, the faults due
/// in this acquisition, and the end marker. With a hardware trigger the first sample is taken at
/// the target's first rising edge plus the trigger delay; with a software trigger the target's
/// clock starts with the acquisition.
/// </summary>
internal sealed class SimulatedAcquisition
{
    private const int TimestampEvery = 1000;

    private readonly SimulatorOptions options;
    private readonly SimulatedMonitorState state;
    private readonly PowerMonitorBackend backend;
    private readonly FaultTracker faults;
    private readonly Func<ReadOnlyMemory<byte>, CancellationToken, Task> write;
    private readonly SampleStreamEncoder encoder;
    private readonly CancellationTokenSource stopping = new();
    private volatile bool stopRequested;
    private int eventCounter;

    public SimulatedAcquisition(SimulatorOptions options, SimulatedMonitorState state, PowerMonitorBackend backend, FaultTracker faults,
        Func<ReadOnlyMemory<byte>, CancellationToken, Task> write)
    {
        this.options = options;
        this.state = state;
        this.backend = backend;
        this.faults = faults;
        this.write = write;
        encoder = new SampleStreamEncoder(state.Format, backend.FrameLayout);
    }

    /// <summary>Ends the stream after the chunk being written; a pause between chunks ends at once, as a monitor heeds `stop` without finishing its period.</summary>
    public void RequestStop()
    {
        stopRequested = true;
        stopping.Cancel();
    }

    /// <summary>Streams until the time is up, stop, a terminating fault or cancellation; returns the drop signal.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var rate = state.Rate;
        double interval = rate.IntervalSeconds;
        long total = state.AcquisitionTime is { } time ? (long)Math.Round(time.TotalSeconds * rate.Hertz) : long.MaxValue;
        int chunk = Math.Clamp(rate.Hertz / 100, 1, TimestampEvery);
        double origin = FirstSampleTime();
        long started = options.Time.GetTimestamp();
        var edges = new List<TriggerEdge>();
        long index = 0;
        bool overcurrent = false;
        while (index < total && !stopRequested && !overcurrent)
        {
            encoder.Clear();
            long count = Math.Min(chunk, total - index);
            double chunkStart = origin + index * interval;
            edges.Clear();
            if (state.EventOnRising is { } rising)
                foreach (var edge in options.Profile.EdgesBetween(chunkStart, chunkStart + count * interval))
                    if (edge.Rising == rising) edges.Add(edge);
            int nextEdge = 0;
            for (long k = 0; k < count; k++, index++)
            {
                double relative = index * interval;
                double t = origin + relative;
                if (index % TimestampEvery == 0)
                {
                    bool overflow = faults.OverflowDue(relative);
                    encoder.Timestamp((long)Math.Round(relative * 1000), overflow ? 100 : 0, overflow);
                }
                while (nextEdge < edges.Count && edges[nextEdge].Seconds < t + interval) encoder.TriggerEvent(++eventCounter, edges[nextEdge++].Rising);
                if (faults.GarbageDue(relative) is { } garbage) encoder.Bytes(garbage);
                if (faults.DropDue(relative))
                {
                    await write(encoder.Written, cancellationToken).ConfigureAwait(false);
                    return true;
                }
                double amperes = state.TargetPowered ? Math.Max(0, options.Profile.MeanCurrent(t, t + interval)) : 0;
                if (faults.OvercurrentDue(relative) || amperes > options.OvercurrentLimit)
                {
                    // The monitor protects itself: report, cut the target's supply, end the acquisition.
                    encoder.Overcurrent();
                    encoder.TargetPowerDown();
                    state.TargetPowered = false;
                    overcurrent = true;
                    break;
                }
                encoder.Sample(amperes);
            }
            await write(encoder.Written, cancellationToken).ConfigureAwait(false);
            if (options.RealTime)
            {
                var due = TimeSpan.FromSeconds(index * interval) - options.Time.GetElapsedTime(started);
                if (due > TimeSpan.Zero) await PauseAsync(due, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Task.Yield();
            }
        }
        encoder.Clear();
        encoder.EndOfAcquisition();
        await write(encoder.Written, cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>Waits until the next chunk is due on the clock, or for stop.</summary>
    private async Task PauseAsync(TimeSpan due, CancellationToken cancellationToken)
    {
        var activity = options.Activity;
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        const int Running = 0, Paused = 1, Ended = 2;
        int state = Running;
        // The pause ends as the timer fires (inside a fake clock's Advance), before the stream resumes.
        void End()
        {
            if (Interlocked.Exchange(ref state, Ended) == Paused) activity?.SimulatorPaused(false);
            resume.TrySetResult();
        }
        // The timer exists before the pause is announced: a fake clock moves as soon as the line looks
        // quiet, and a timer created after that would start late (the stream fell silent for whole steps).
        using (options.Time.CreateTimer(_ => End(), null, due, Timeout.InfiniteTimeSpan))
        using (cancellationToken.Register(End))
        using (stopping.Token.Register(End))
        {
            if (Interlocked.CompareExchange(ref state, Paused, Running) == Running) activity?.SimulatorPaused(true);
            await resume.Task.ConfigureAwait(false);
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    private double FirstSampleTime()
    {
        double delay = state.TriggerDelay.TotalSeconds;
        if (!state.HardwareTrigger) return delay;
        foreach (var edge in options.Profile.EdgesBetween(0, double.MaxValue))
            if (edge.Rising) return edge.Seconds + delay;
        return delay;
    }
}
