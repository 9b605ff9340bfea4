using Edge.Ads.Ams;
using Edge.Ads.Framing;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Server.IndexGroups;
using Edge.Ads.Server.Sessions;
using Edge.Ads.Server.Symbols;
using Edge.Ads.Server.Transport;

namespace Edge.Ads.Server.Notifications;

/// <summary>
/// The device notifications of one connection. Cyclic ones are sampled every cycle time (at least
/// <see cref="AdsServerOptions.MinimumCycleTime"/>) and always sent; on-change ones are sampled
/// when bytes they watch changed, at most once per cycle time, and sent only if their bytes
/// differ from the last sample. Samples wait up to their max delay so several go in one frame;
/// each stamp carries the FILETIME it was taken at. The first sample is sent right after the
/// AddNotification answer.
/// Bounded: the notifications a connection may hold and the bytes they watch are capped (0x716,
/// 0x717, 0x70A), samples waiting for their max delay never exceed one frame (a full frame goes
/// out early: the max delay is a latest time, not a promise to wait), and samples the outbox has
/// no room for are dropped and counted here and server-wide.
/// Time, both the timestamps and the waits between passes, comes from
/// <see cref="AdsServerOptions.TimeProvider"/>, so a test steps the cycles with a fake clock and
/// asks <see cref="CaughtUp"/> whether everything due by then is done.
/// </summary>
internal sealed class NotificationScheduler
{
    private readonly Lock _lock = new();
    private readonly Dictionary<uint, Notification> _notifications = [];
    private readonly List<QueuedSample> _queue = [];
    private readonly SemaphoreSlim _wake = new(0);
    private readonly AdsBufferWriter _scratch = new();
    private readonly AdsBufferWriter _frame = new();
    private readonly AdsSession _session;
    private readonly IndexGroupRouter _router;
    private readonly AmsOutbox _outbox;
    private readonly AdsServerOptions _options;
    private readonly AdsServerCounters _counters;
    private readonly AdsServerLog _log;
    private readonly TimeProvider _time;
    private readonly ITimer _due; // wakes the loop when the next sample or flush is due
    private long _nextPass = long.MinValue; // when the loop must pass again (timestamp); guarded by the lock
    private uint _lastHandle;
    private volatile bool _hasPending;
    private long _watchedBytes;
    private long _queuedSampleBytes;
    private long _samplesDropped;

    public NotificationScheduler(AdsSession session, IndexGroupRouter router, AmsOutbox outbox, AdsServerOptions options, AdsServerCounters counters, AdsServerLog log)
    {
        _session = session;
        _router = router;
        _outbox = outbox;
        _options = options;
        _counters = counters;
        _log = log;
        _time = options.TimeProvider;
        _due = _time.CreateTimer(_ => Wake(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Nothing is due as of the time provider's now: the last pass took every sample and sent
    /// every frame due by then, and nothing woke the loop since. With a fake clock, a test that
    /// advanced it waits for this before it looks at what the samples did.
    /// </summary>
    public bool CaughtUp
    {
        get
        {
            lock (_lock)
                return _nextPass > _time.GetTimestamp();
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
                return _notifications.Count;
        }
    }

    /// <summary>Bytes the notifications of this connection watch together.</summary>
    public long WatchedBytes => Interlocked.Read(ref _watchedBytes);

    /// <summary>Bytes of samples taken and waiting for their max delay (at most one frame).</summary>
    public long QueuedSampleBytes => Interlocked.Read(ref _queuedSampleBytes);

    /// <summary>Samples of this connection dropped because its outbox was full.</summary>
    public long SamplesDropped => Interlocked.Read(ref _samplesDropped);

    /// <summary>Checks and registers a notification; it starts once <see cref="ActivatePending"/> runs after the answer is queued.</summary>
    public AdsErrorCode Add(in AdsRequestContext context, AdsAddNotificationRequest request, out uint handle)
    {
        handle = 0;
        if (request.TransMode is not (AdsTransMode.Cyclic or AdsTransMode.OnChange))
            return AdsErrorCode.DeviceTransModeNotSupported;
        var service = _router.Find(request.IndexGroup);
        lock (_lock)
        {
            if (_notifications.Count >= _options.MaxNotificationsPerConnection)
                return Refuse(context, $"it holds {_options.MaxNotificationsPerConnection} notifications (max-notifications)", AdsErrorCode.DeviceNoMoreHandles);
            if (request.Length > (uint)_options.MaxNotificationSize)
                return Refuse(context, $"a notification of {request.Length} bytes is larger than {_options.MaxNotificationSize} (max-notification-size)", AdsErrorCode.DeviceInvalidWatchSize);
            // A trial read answers what a Read would: unknown group, offset, size, symbol.
            _scratch.Clear();
            var error = service.Read(context, request.IndexGroup, request.IndexOffset, request.Length, _scratch);
            if (error != AdsErrorCode.NoError)
                return error;
            if (_scratch.Position == 0)
                return AdsErrorCode.DeviceInvalidSize;
            if (_scratch.Position > _options.MaxNotificationSize)
                return Refuse(context, $"a notification of {_scratch.Position} bytes is larger than {_options.MaxNotificationSize} (max-notification-size)", AdsErrorCode.DeviceInvalidWatchSize);
            if (WatchedBytes + _scratch.Position > _options.MaxNotificationBytesPerConnection)
                return Refuse(context, $"its notifications watch {WatchedBytes} bytes; {_scratch.Position} more would pass {_options.MaxNotificationBytesPerConnection} (max-notification-bytes)", AdsErrorCode.DeviceNoMemory);
            do
                handle = ++_lastHandle;
            while (handle == 0 || _notifications.ContainsKey(handle));
            long cycle = Ticks(request.Cycle);
            if (request.TransMode == AdsTransMode.Cyclic)
                cycle = Math.Max(cycle, Ticks(_options.MinimumCycleTime));
            var watch = service.Watch(context, request.IndexGroup, request.IndexOffset, request.Length);
            _notifications.Add(handle, new Notification(handle, request, context.Sender, context.Receiver, watch, cycle, Ticks(request.MaxDelayTime), _scratch.Position));
            Interlocked.Add(ref _watchedBytes, _scratch.Position);
            _hasPending = true;
            _nextPass = long.MinValue; // its first sample is due once it is activated
            return AdsErrorCode.NoError;
        }
    }

    public AdsErrorCode Delete(uint handle)
    {
        lock (_lock)
        {
            if (!_notifications.Remove(handle, out var removed))
                return AdsErrorCode.DeviceNotificationHandleInvalid;
            Interlocked.Add(ref _watchedBytes, -removed.Size);
            foreach (var sample in _queue.Where(s => s.Notification == removed))
                Interlocked.Add(ref _queuedSampleBytes, -sample.EncodedSize);
            _queue.RemoveAll(s => s.Notification == removed);
            return AdsErrorCode.NoError;
        }
    }

    /// <summary>Starts notifications whose AddNotification answer is now queued: their first sample goes out next.</summary>
    public void ActivatePending()
    {
        if (!_hasPending)
            return;
        lock (_lock)
        {
            _hasPending = false;
            long now = _time.GetTimestamp();
            _nextPass = long.MinValue;
            foreach (var notification in _notifications.Values.Where(n => n.Pending))
            {
                notification.Pending = false;
                notification.ForceSend = true;
                notification.Dirty = true;
                notification.NextDue = now;
            }
        }
        Wake();
    }

    /// <summary>Bytes changed somewhere: on-change notifications watching them are sampled at their next chance.</summary>
    public void OnChanged(AdsRange range)
    {
        bool any = false;
        lock (_lock)
        {
            foreach (var notification in _notifications.Values)
            {
                if (!notification.IsCyclic && !notification.Pending && (notification.Watch is not { } watch || watch.Overlaps(range)))
                {
                    notification.Dirty = true;
                    any = true;
                    _nextPass = long.MinValue;
                }
            }
        }
        if (any)
            Wake();
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                _due.Change(SampleAndSend(), Timeout.InfiniteTimeSpan);
                await _wake.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _due.Dispose();
        }
    }

    // Takes due samples, sends what is due, and says how long nothing is due.
    private TimeSpan SampleAndSend()
    {
        lock (_lock)
        {
            long now = _time.GetTimestamp();
            long fileTime = _time.GetUtcNow().ToFileTime();
            long next = long.MaxValue;
            foreach (var notification in _notifications.Values)
            {
                if (notification.IsDue(now))
                    Sample(notification, now, fileTime);
                if (!notification.Pending && !notification.Invalid && (notification.IsCyclic || notification.Dirty))
                    next = Math.Min(next, notification.NextDue);
            }
            if (_queue.Count > 0)
            {
                long deadline = _queue.Min(s => s.Deadline);
                if (deadline <= now)
                    Flush();
                else
                    next = Math.Min(next, deadline);
            }
            _nextPass = next;
            return next == long.MaxValue ? Timeout.InfiniteTimeSpan
                : TimeSpan.FromMilliseconds(Math.Clamp(_time.GetElapsedTime(now, next).TotalMilliseconds, 1, int.MaxValue));
        }
    }

    private void Sample(Notification notification, long now, long fileTime)
    {
        _scratch.Clear();
        var request = notification.Request;
        var context = new AdsRequestContext(_session, notification.Client, notification.Server);
        var error = _router.Find(request.IndexGroup).Read(context, request.IndexGroup, request.IndexOffset, request.Length, _scratch);
        notification.Dirty = false;
        notification.NextDue = now + notification.CycleTicks;
        if (error != AdsErrorCode.NoError)
        {
            // "If the handle has become invalid, one notification without data is sent once."
            notification.Invalid = true;
            Enqueue(new QueuedSample(notification, fileTime, [], now));
            return;
        }
        var value = _scratch.WrittenSpan;
        if (!notification.ForceSend && !notification.IsCyclic && value.SequenceEqual(notification.LastValue))
            return;
        notification.ForceSend = false;
        var data = value.ToArray();
        if (!notification.IsCyclic)
            notification.LastValue = data; // only on-change ones compare; cyclic ones keep nothing
        Enqueue(new QueuedSample(notification, fileTime, data, now + notification.MaxDelayTicks));
    }

    // A frame's worth of samples goes out at once, whatever their max delay.
    private void Enqueue(QueuedSample sample)
    {
        if (_queue.Count > 0 && QueuedSampleBytes + sample.EncodedSize > _options.MaxFrameSize - AmsFrame.HeaderSize)
            Flush();
        _queue.Add(sample);
        Interlocked.Add(ref _queuedSampleBytes, sample.EncodedSize);
    }

    private AdsErrorCode Refuse(in AdsRequestContext context, string limit, AdsErrorCode answer) =>
        context.Session.RefuseByLimit(limit, answer);

    // One frame per (client, server) address pair, samples of one instant under one stamp;
    // a new frame starts where one would pass the frame limit.
    private void Flush()
    {
        int dropped = 0;
        foreach (var route in _queue.GroupBy(s => (s.Notification.Client, s.Notification.Server)))
        {
            var header = new AmsHeader(route.Key.Client, route.Key.Server, AdsCommandId.DeviceNotification, AmsStateFlags.Request, 0, AdsErrorCode.NoError, 0);
            int start = -1, samples = 0;
            AdsNotificationStreamWriter? stream = null;
            long stampTime = 0;
            foreach (var sample in route.OrderBy(s => s.FileTime))
            {
                if (stream is null && !_outbox.HasRoomFor(AmsFrame.HeaderSize + 8 + sample.EncodedSize))
                {
                    dropped++; // no room: do not even build the frame
                    continue;
                }
                if (stream is not null && _frame.Position - start + sample.EncodedSize > _options.MaxFrameSize)
                {
                    dropped += Send(start, samples);
                    stream = null;
                    samples = 0;
                }
                if (stream is null)
                {
                    _frame.Clear();
                    start = AmsFrame.BeginAds(_frame, header);
                    stream = new AdsNotificationStreamWriter(_frame);
                    stream.BeginStamp(sample.FileTime);
                    stampTime = sample.FileTime;
                }
                else if (sample.FileTime != stampTime)
                {
                    stream.BeginStamp(sample.FileTime);
                    stampTime = sample.FileTime;
                }
                stream.AddSample(sample.Notification.Handle, sample.Data);
                samples++;
            }
            if (stream is not null)
                dropped += Send(start, samples);
        }
        _queue.Clear();
        Interlocked.Exchange(ref _queuedSampleBytes, 0);
        if (dropped > 0)
        {
            long total = Interlocked.Add(ref _samplesDropped, dropped);
            _counters.NotificationsDropped(dropped);
            _log.NotificationsDropped(_session.ConnectionId, _session.Peer, dropped, total, _outbox.MaxQueuedBytes);
        }
    }

    // Queues one frame of samples; returns how many were dropped (all or none).
    private int Send(int start, int samples)
    {
        AmsFrame.EndAds(_frame, start);
        if (_outbox.TryEnqueue(_frame.ToArray()))
        {
            _counters.NotificationsSent(samples);
            return 0;
        }
        return samples;
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
            _wake.Release();
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);
}
