namespace Edge.Transport;

/// <summary>
/// A task that completes at every change of some state kept under a lock: the counters a test hook
/// keeps about a line (bytes sent and read, who waits), so a test that steps a fake clock only while
/// the line is quiet can sleep until something moves instead of polling.
/// </summary>
public sealed class LineChanges(object gate)
{
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Completes at the next <see cref="Change"/>.</summary>
    public Task Next
    {
        get { lock (gate) return _changed.Task; }
    }

    /// <summary>Runs <paramref name="update"/> under the lock, then completes <see cref="Next"/> (outside the lock; continuations run asynchronously).</summary>
    public void Change(Action update)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            update();
            signal = _changed;
            _changed = NewSignal();
        }
        signal.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
