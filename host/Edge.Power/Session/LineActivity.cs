using Edge.Transport;

namespace Edge.Power.Session;

/// <summary>
/// What the driver and a simulator have done on one line, for tests that drive the driver's
/// quiet periods and timeouts with a fake clock: the line is <see cref="IsQuiet"/> only when
/// both ends wait for input, every byte written has been read, and a stream, if any, pauses until
/// its next chunk is due.
/// Then nothing can happen until time passes, so advancing the clock is exactly "the line was
/// silent that long". Product code passes none (the hooks are null checks).
/// </summary>
internal sealed class LineActivity
{
    private readonly object gate = new();
    private readonly LineChanges changes;
    private long driverWritten, driverReceived, driverWaitStartedAt = -1;
    private long simulatorSent, simulatorRead, simulatorWaitStartedAt = -1;
    private int simulatorStreams, simulatorPauses;

    /// <summary>Completes at the next change of any counter or wait.</summary>
    public Task NextChange => changes.Next;

    public LineActivity() => changes = new LineChanges(gate);

    public bool IsQuiet
    {
        get
        {
            lock (gate)
                return driverWaitStartedAt == driverReceived && driverReceived == simulatorSent
                    && simulatorWaitStartedAt == simulatorRead && simulatorRead == driverWritten
                    && simulatorStreams == simulatorPauses;
        }
    }

    public override string ToString()
    {
        lock (gate)
            return $"driver wrote {driverWritten}, received {driverReceived}, waits since {driverWaitStartedAt}; " +
                   $"simulator sent {simulatorSent}, read {simulatorRead}, waits since {simulatorWaitStartedAt}, streams {simulatorStreams}, paused {simulatorPauses}";
    }

    public void DriverWrote(int bytes) => Change(() => driverWritten += bytes);

    /// <summary>Just before the bytes become visible to the driver's reader (so a wait the reader starts after taking them counts them).</summary>
    public void DriverReceived(int bytes) => Change(() => driverReceived += bytes);

    /// <summary>The driver's reader found nothing new and waits; everything received so far was examined.</summary>
    public void DriverWaits() => Change(() => driverWaitStartedAt = driverReceived);

    public void DriverStopsWaiting() => Change(() => driverWaitStartedAt = -1);

    public void SimulatorSent(int bytes) => Change(() => simulatorSent += bytes);

    public void SimulatorWaits() => Change(() => simulatorWaitStartedAt = simulatorRead);

    public void SimulatorRead(int bytes) => Change(() =>
    {
        simulatorWaitStartedAt = -1;
        simulatorRead += bytes;
    });

    /// <summary>An acquisition (or a stale stream) starts or ends in the simulator.</summary>
    public void SimulatorStreaming(bool on) => Change(() => simulatorStreams += on ? 1 : -1);

    /// <summary>A stream pauses until its next chunk is due (on the clock), or resumes.</summary>
    public void SimulatorPaused(bool on) => Change(() => simulatorPauses += on ? 1 : -1);

    private void Change(Action update) => changes.Change(update);
}
