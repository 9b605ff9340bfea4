using Edge.Board.Link;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Board.Tests.Support;

/// <summary>
/// A fake clock for a link client on an in-memory line that moves, in steps of the client's
/// supervision period, only while the link is quiet (<see cref="LinkActivity.IsQuiet"/>): a request
/// awaits its answer, every stamped request has been written, every byte on the line has been read
/// and both readers wait for more. Then an answer that has not come is lost, and only time (a
/// timeout, a resend) can move things on; so resends and give-ups happen after exactly the
/// configured time on this clock, however busy the machine is, and never while an answer is on its
/// way. Timeouts the client checks in its timer callback, which a fake clock runs inside
/// <see cref="FakeTimeProvider.Advance"/>, so the resends are stamped (the link no longer quiet)
/// before the next step.
/// </summary>
internal sealed class QuietLinkClock : IAsyncDisposable
{
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _pump = Task.CompletedTask;

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UnixEpoch);

    public LinkActivity Activity { get; } = new();

    /// <summary>Steps taken: the fake time that passed while the link was quiet.</summary>
    public long Steps { get; private set; }

    /// <summary>Starts moving the clock in steps of <paramref name="step"/> while the link is quiet.</summary>
    public void Start(TimeSpan step) => _pump = Task.Run(() => PumpAsync(step));

    /// <summary>
    /// Until nothing awaits an answer or a write and the line is settled (say, after stepping the
    /// clock by hand to a heartbeat). Woken by each change, not by polling; the bound only stops a hang.
    /// </summary>
    public async Task UntilIdleAsync()
    {
        try
        {
            await IdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new AssertFailedException($"the link never became idle: {Activity}");
        }
    }

    private async Task IdleAsync()
    {
        while (true)
        {
            var changed = Activity.NextChange;
            if (Activity.IsIdle) return;
            await changed;
        }
    }

    private async Task PumpAsync(TimeSpan step)
    {
        while (!_stopped.Task.IsCompleted)
        {
            var changed = Activity.NextChange;
            if (Activity.IsQuiet)
            {
                Time.Advance(step);
                Steps++;
                continue;
            }
            await Task.WhenAny(changed, _stopped.Task);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopped.TrySetResult();
        await _pump;
    }
}
