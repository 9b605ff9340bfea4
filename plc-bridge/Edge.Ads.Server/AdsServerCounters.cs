namespace Edge.Ads.Server;

/// <summary>The live server-wide counters behind <see cref="AdsServerStatistics"/>; updated from many connections at once.</summary>
internal sealed class AdsServerCounters
{
    private int _activeConnections;
    private long _accepted;
    private long _rejected;
    private long _frames;
    private long _errorReplies;
    private long _violations;
    private long _notificationsSent;
    private long _notificationsDropped;
    private long _timedOut;
    private long _limitRefusals;
    private long _acceptFailures;

    public int ActiveConnections => Volatile.Read(ref _activeConnections);

    public void ConnectionOpened()
    {
        Interlocked.Increment(ref _accepted);
        Interlocked.Increment(ref _activeConnections);
    }

    public void ConnectionClosed() => Interlocked.Decrement(ref _activeConnections);
    public void ConnectionRejected() => Interlocked.Increment(ref _rejected);
    public void FrameReceived() => Interlocked.Increment(ref _frames);
    public void ErrorReplied() => Interlocked.Increment(ref _errorReplies);
    public void ProtocolViolation() => Interlocked.Increment(ref _violations);
    public void NotificationsSent(int samples) => Interlocked.Add(ref _notificationsSent, samples);
    public void NotificationsDropped(int samples) => Interlocked.Add(ref _notificationsDropped, samples);
    public void ConnectionTimedOut() => Interlocked.Increment(ref _timedOut);
    public void LimitRefused() => Interlocked.Increment(ref _limitRefusals);
    public void AcceptFailed() => Interlocked.Increment(ref _acceptFailures);

    public AdsServerStatistics Snapshot(long logLinesSuppressed, long queuedBytes) => new(
        ActiveConnections,
        Interlocked.Read(ref _accepted),
        Interlocked.Read(ref _rejected),
        Interlocked.Read(ref _frames),
        Interlocked.Read(ref _errorReplies),
        Interlocked.Read(ref _violations),
        Interlocked.Read(ref _notificationsSent),
        Interlocked.Read(ref _notificationsDropped),
        Interlocked.Read(ref _timedOut),
        Interlocked.Read(ref _limitRefusals),
        Interlocked.Read(ref _acceptFailures),
        logLinesSuppressed,
        queuedBytes);
}
