using Edge.PlcBridge.Alerts.Detection;
using Edge.PlcBridge.Boards;
using Edge.PlcBridge.Configuration;
using Edge.PlcBridge.Metrics;
using Edge.PlcBridge.Publishing;
using Microsoft.Extensions.Logging;

namespace Edge.PlcBridge.Service;

/// <summary>
/// Keeps one board's STRUCT and gauges up to date from its feed, whatever the feed does: snapshots
/// are published as they come; a feed that throws or ends is called again after a growing pause;
/// a silent one makes the board stale; one that ignores cancellation is left behind on shutdown.
/// It also forwards the PLC's acknowledges. Nothing a feed does escapes as an exception.
/// </summary>
internal sealed class BoardWatcher : IAsyncDisposable
{
    private readonly BoardEndpointConfig _board;
    private readonly BoardSlot _slot;
    private readonly IBoardFeedFactory _factory;
    private readonly BridgeMetrics _metrics;
    private readonly BridgeServiceOptions _options;
    private readonly ILogger _logger;
    private readonly AlertDetector? _alerts;
    private readonly int _featureSlots;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _acknowledgeWake = new(0, 1);
    private volatile IBoardFeed? _feed;
    private volatile BoardReading _published;
    private bool _publishedOnce;
    private BoardSnapshot? _snapshot;
    private DateTimeOffset? _received;
    private bool _feedWorking;
    private string _bridgeError = "";
    private long _updates;
    private int _snapshotsSinceFailure;
    private bool _warnedTruncation;

    public BoardWatcher(BoardEndpointConfig board, BoardSlot slot, int featureSlots, IBoardFeedFactory factory,
        BridgeMetrics metrics, BridgeServiceOptions options, ILogger logger, AlertDetector? alerts = null)
    {
        _alerts = alerts;
        _board = board;
        _slot = slot;
        _featureSlots = featureSlots;
        _factory = factory;
        _metrics = metrics;
        _options = options;
        _logger = logger;
        _published = BoardReading.Initial(board.Name);
        BridgeLog.UseClock(logger, options.TimeProvider);
    }

    public string Board => _board.Name;

    /// <summary>What is published now.</summary>
    public BoardReading Reading => _published;

    public async Task RunAsync(CancellationToken stopping)
    {
        _slot.AcknowledgeWritten += WakeAcknowledge;
        try
        {
            lock (_gate)
                Publish(Judge(), quiet: true);
            await Task.WhenAll(WatchAsync(stopping), CheckAsync(stopping), AcknowledgeAsync(stopping)).ConfigureAwait(false);
        }
        finally
        {
            _slot.AcknowledgeWritten -= WakeAcknowledge;
        }
    }

    private async Task WatchAsync(CancellationToken stopping)
    {
        await Task.Yield();
        var delay = _options.RetryMinimum;
        while (!stopping.IsCancellationRequested)
        {
            string reason;
            Exception? error = null;
            try
            {
                _feed ??= _factory.Create(_board) ?? throw new InvalidOperationException("the feed factory gave no feed");
                await ReadFeedAsync(_feed, stopping).ConfigureAwait(false);
                reason = "the feed ended";
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                reason = e.Message;
                error = e;
            }
            // A feed that delivered since the last failure starts over with the shortest pause.
            if (Interlocked.Exchange(ref _snapshotsSinceFailure, 0) > 0)
                delay = _options.RetryMinimum;
            // The pause starts before the failure is published: whoever sees the failure (a test
            // stepping a fake clock) finds the retry already waiting on the clock.
            var retry = Task.Delay(delay, _options.TimeProvider, stopping);
            Fail(reason, delay, error);
            try
            {
                await retry.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.RetryMaximum.Ticks));
        }
    }

    // A MoveNext that ignores cancellation is abandoned on shutdown instead of awaited, and its
    // enumerator is then not disposed (that would throw).
    private async Task ReadFeedAsync(IBoardFeed feed, CancellationToken stopping)
    {
        var snapshots = feed.WatchAsync(stopping).GetAsyncEnumerator(stopping);
        bool abandoned = false;
        try
        {
            while (true)
            {
                var next = snapshots.MoveNextAsync().AsTask();
                try
                {
                    await next.WaitAsync(stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested && !next.IsCompleted)
                {
                    abandoned = true;
                    _ = next.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                    throw;
                }
                if (!await next.ConfigureAwait(false))
                    return;
                Apply(snapshots.Current);
            }
        }
        finally
        {
            if (!abandoned)
                await DisposeQuietlyAsync(DisposeCall(snapshots), "its snapshot stream").ConfigureAwait(false);
        }
    }

    private void Apply(BoardSnapshot? snapshot)
    {
        if (snapshot is null)
            throw new InvalidDataException("the feed gave an empty snapshot");
        int features = Math.Max(snapshot.FeatureDrift?.Count ?? 0, snapshot.FeatureDrifted?.Count ?? 0);
        lock (_gate)
        {
            _snapshot = snapshot;
            _received = _options.TimeProvider.GetUtcNow();
            _feedWorking = true;
            _bridgeError = "";
            _updates++;
            Interlocked.Increment(ref _snapshotsSinceFailure);
            Publish(Judge());
            if (features > _featureSlots && !_warnedTruncation)
            {
                _warnedTruncation = true;
                BridgeLog.FeaturesTruncated(_logger, Board, features, _featureSlots);
            }
        }
    }

    private void Fail(string reason, TimeSpan retryIn, Exception? error)
    {
        lock (_gate)
        {
            _feedWorking = false;
            _bridgeError = "feed: " + reason;
            Publish(Judge(), quiet: true);
        }
        BridgeLog.FeedFailed(_logger, Board, retryIn, reason, error);
    }

    // Staleness needs no event: it is judged again at every check.
    private async Task CheckAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_options.CheckInterval, _options.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                lock (_gate)
                    Publish(Judge());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // Caller holds _gate.
    private BoardReading Judge()
    {
        var now = _options.TimeProvider.GetUtcNow();
        var snapshot = _snapshot;
        bool stale = snapshot is null || _received is not { } received || now - received > _board.StaleAfter
            || snapshot.LastSeen is not { } seen || now - seen > _board.StaleAfter;
        bool online = _feedWorking && snapshot is { Online: true } && !stale;
        string error = _bridgeError.Length > 0 ? _bridgeError
            : snapshot is null ? BoardReading.NoTelemetryYet
            : !string.IsNullOrEmpty(snapshot.LastError) ? snapshot.LastError
            : !snapshot.Online ? "link down"
            : stale ? $"no telemetry for more than {_board.StaleAfter.TotalSeconds:0.###} s"
            : "";
        return new BoardReading(Board, snapshot, online, stale, error, _updates);
    }

    // Caller holds _gate. Changes of state are logged, unless the caller (quiet) logs them itself.
    private void Publish(BoardReading reading, bool quiet = false)
    {
        var previous = _published;
        if (_publishedOnce && reading == previous)
            return;
        try
        {
            _slot.Publish(reading);
            _metrics.Publish(reading);
        }
        catch (Exception e)
        {
            BridgeLog.PublishFailed(_logger, Board, e);
            return;
        }
        _published = reading;
        _publishedOnce = true;
        ObserveAlerts(reading);
        if (reading.Online && !previous.Online)
            BridgeLog.BoardOnline(_logger, Board);
        else if (!reading.Online && previous.Online)
            BridgeLog.BoardOffline(_logger, Board, reading.LastError);
        else if (!quiet && reading.LastError != previous.LastError && reading.LastError.Length > 0)
            BridgeLog.BoardError(_logger, Board, reading.LastError);
    }

    // Alerts judge the same reading the STRUCT and the gauges show; the detector only queues, so this never waits for a receiver.
    private void ObserveAlerts(BoardReading reading)
    {
        try
        {
            _alerts?.Observe(reading);
        }
        catch (Exception e)
        {
            BridgeLog.PublishFailed(_logger, Board, e);
        }
    }

    private void WakeAcknowledge()
    {
        try
        {
            if (_acknowledgeWake.CurrentCount == 0)
                _acknowledgeWake.Release();
        }
        catch (Exception e) when (e is SemaphoreFullException or ObjectDisposedException)
        {
            // already awake, or shutting down
        }
    }

    private async Task AcknowledgeAsync(CancellationToken stopping)
    {
        if (!_slot.AcknowledgeEnabled)
            return;
        Task? wake = null;
        while (!stopping.IsCancellationRequested)
        {
            // The PLC's write wakes this before the table stores it; the next check catches it
            // stored. The check's timer is set before looking, so a write answered before a clock
            // step (the answer follows the store) is taken at that step at the latest.
            var recheck = Task.Delay(_options.CheckInterval, _options.TimeProvider, stopping);
            if (_slot.TakeAcknowledge())
                await ForwardAcknowledgeAsync(stopping).ConfigureAwait(false);
            wake ??= _acknowledgeWake.WaitAsync(stopping);
            await Task.WhenAny(wake, recheck).ConfigureAwait(false);
            if (wake.IsCompleted)
                wake = null;
        }
    }

    private async Task ForwardAcknowledgeAsync(CancellationToken stopping)
    {
        string? failure = null;
        Exception? error = null;
        if (_feed is not { } feed)
        {
            failure = "the board's feed is not running";
        }
        else
        {
            using var timeout = new CancellationTokenSource(_options.AcknowledgeTimeout, _options.TimeProvider);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
            try
            {
                await feed.AcknowledgeAlarmAsync(either.Token).WaitAsync(either.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException e)
            {
                (failure, error) = ($"no answer within {_options.AcknowledgeTimeout.TotalSeconds:0.###} s", e);
            }
            catch (Exception e)
            {
                (failure, error) = (e.Message, e);
            }
        }
        _metrics.CountAcknowledge(Board, failure is null);
        if (failure is null)
        {
            BridgeLog.AcknowledgeForwarded(_logger, Board);
            return;
        }
        BridgeLog.AcknowledgeFailed(_logger, Board, failure, error);
        lock (_gate)
        {
            _bridgeError = "acknowledge not delivered: " + failure;
            Publish(Judge(), quiet: true);
        }
    }

    private async Task DisposeQuietlyAsync(ValueTask disposal, string what)
    {
        try
        {
            await disposal.AsTask().WaitAsync(_options.DisposeTimeout, _options.TimeProvider).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            BridgeLog.FeedDisposeFailed(_logger, Board, $"{what}: {e.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_feed is { } feed)
        {
            _feed = null;
            await DisposeQuietlyAsync(DisposeCall(feed), "the feed").ConfigureAwait(false);
        }
        _acknowledgeWake.Dispose();
    }

    // A DisposeAsync that throws before returning its task is caught like one that fails later.
    private static ValueTask DisposeCall(IAsyncDisposable disposable)
    {
        try
        {
            return disposable.DisposeAsync();
        }
        catch (Exception e)
        {
            return ValueTask.FromException(e);
        }
    }
}
