using System.Threading.Channels;
using Edge.PlcBridge.Alerts.Configuration;
using Edge.PlcBridge.Alerts.Events;
using Edge.PlcBridge.Alerts.Routes;
using Microsoft.Extensions.Logging;

namespace Edge.PlcBridge.Alerts.Dispatch;

/// <summary>
/// One route's bounded queue and its delivery loop. <see cref="Enqueue"/> never waits: a full queue
/// drops the event and counts it. The loop delivers one event at a time, in order: each attempt
/// gets the route's timeout, failures are retried after a doubling backoff, and an event that
/// fails every attempt (or is refused for good, or is still waiting when the bridge stops) is
/// written to the dead-letter folder. A slow or dead receiver holds up only its own route.
/// </summary>
internal sealed class AlertRouteQueue
{
    private readonly IAlertRoute _route;
    private readonly AlertRetryPolicy _retry;
    private readonly Channel<AlertEvent> _queue;
    private readonly DeadLetterFolder _deadLetters;
    private readonly AlertDeliveryMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _accepted, _delivered, _deadLettered, _dropped, _failedAttempts, _pending;

    public AlertRouteQueue(IAlertRoute route, AlertRetryPolicy retry, int capacity, DeadLetterFolder deadLetters, AlertDeliveryMetrics metrics,
        TimeProvider time, ILogger logger)
    {
        _route = route;
        _retry = retry;
        _deadLetters = deadLetters;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        // Wait mode with TryWrite: a full queue refuses at once (DropWrite would report success).
        _queue = Channel.CreateBounded<AlertEvent>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    public string Route => _route.Name;

    public AlertRouteStatistics Statistics => new(Route, Interlocked.Read(ref _accepted), Interlocked.Read(ref _delivered),
        Interlocked.Read(ref _deadLettered), Interlocked.Read(ref _dropped), Interlocked.Read(ref _failedAttempts), Interlocked.Read(ref _pending));

    /// <summary>Queues the event; false (counted, logged a few times) when the queue is full or closed. Never blocks.</summary>
    public bool Enqueue(AlertEvent alert)
    {
        Interlocked.Increment(ref _pending);
        if (_queue.Writer.TryWrite(alert))
        {
            Interlocked.Increment(ref _accepted);
            _metrics.Queued(Route, Interlocked.Read(ref _pending));
            return true;
        }
        Interlocked.Decrement(ref _pending);
        Interlocked.Increment(ref _dropped);
        _metrics.Dropped(Route);
        AlertLog.Dropped(_logger, Route, alert.Id);
        Signal();
        return false;
    }

    /// <summary>Completes when nothing is queued or being delivered.</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (Interlocked.Read(ref _pending) == 0)
                return;
            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Delivers until <paramref name="stopping"/>; then what is still queued becomes dead letters.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stopping).ConfigureAwait(false))
            {
                while (!stopping.IsCancellationRequested && _queue.Reader.TryRead(out var alert))
                    await DeliverAsync(alert, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        _queue.Writer.TryComplete();
        while (_queue.Reader.TryRead(out var left))
            await GiveUpAsync(left, 0, "the bridge stopped before it was sent").ConfigureAwait(false);
    }

    private async Task DeliverAsync(AlertEvent alert, CancellationToken stopping)
    {
        byte[] json = AlertJson.Serialize(alert);
        string lastError = "";
        int attempts = 0;
        Task? backoff = null;
        for (int attempt = 0; attempt <= _retry.Retries; attempt++)
        {
            if (backoff is not null)
            {
                try
                {
                    await backoff.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    lastError += "; the bridge stopped before the next attempt";
                    break;
                }
            }
            attempts++;
            using var timeout = new CancellationTokenSource(_retry.Timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
            try
            {
                await _route.SendAsync(alert, json, linked.Token).ConfigureAwait(false);
                Interlocked.Increment(ref _delivered);
                _metrics.Delivered(Route);
                AlertLog.Delivered(_logger, Route, alert.Id, attempts);
                Done();
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                lastError = "the bridge stopped during the attempt";
                CountFailure(alert, lastError);
                break;
            }
            catch (OperationCanceledException)
            {
                lastError = $"no answer within {Edge.Common.Text.Duration.Format(_retry.Timeout)}";
            }
            catch (AlertDeliveryException e) when (e.Permanent)
            {
                lastError = e.Message;
                CountFailure(alert, lastError);
                break;
            }
            catch (Exception e)
            {
                lastError = e.Message;
            }
            // The pause before the next attempt starts before the failure is counted: whoever sees
            // the count (a test stepping a fake clock) finds the pause already on the clock.
            backoff = attempt < _retry.Retries ? Task.Delay(_retry.BackoffBefore(attempt + 1), _time, stopping) : null;
            CountFailure(alert, lastError);
        }
        await GiveUpAsync(alert, attempts, lastError).ConfigureAwait(false);
    }

    private void CountFailure(AlertEvent alert, string error)
    {
        Interlocked.Increment(ref _failedAttempts);
        _metrics.AttemptFailed(Route);
        AlertLog.AttemptFailed(_logger, Route, alert.Id, error);
    }

    // Nothing is lost: an event that cannot be delivered is kept on disk (a disk that refuses it too is logged).
    private async Task GiveUpAsync(AlertEvent alert, int attempts, string error)
    {
        try
        {
            string path = await _deadLetters.WriteAsync(new DeadLetter(Route, attempts, error, _time.GetUtcNow().UtcDateTime, alert)).ConfigureAwait(false);
            AlertLog.DeadLettered(_logger, Route, alert.Id, attempts, error, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AlertLog.DeadLetterFailed(_logger, Route, alert.Id, error, e.Message, System.Text.Encoding.UTF8.GetString(AlertJson.Serialize(alert)));
        }
        Interlocked.Increment(ref _deadLettered);
        _metrics.DeadLettered(Route);
        Done();
    }

    private void Done()
    {
        _metrics.Queued(Route, Interlocked.Decrement(ref _pending));
        Signal();
    }

    private void Signal() =>
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
