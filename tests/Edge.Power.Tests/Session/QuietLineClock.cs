using Edge.Power.Session;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Power.Tests.Session;

/// <summary>
/// A fake clock for a driver and a simulator that share one <see cref="LineActivity"/>: time moves,
/// in steps no longer than a simulated stream's chunk period, only when the line is quiet: both ends
/// wait for input, every byte is delivered, a stream pauses for its next chunk. Then nothing can
/// happen until time passes, so a timeout or quiet period that ends has ended on true silence, and
/// "still streaming after 1 s" or "silent 100 ms after stop" do not depend on how busy the machine is.
/// </summary>
internal sealed class QuietLineClock
{
    /// <summary>The simulator's chunk period (10 ms of samples per chunk at any rate); shorter than the driver's shortest quiet period (30 ms).</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    /// <summary>Bounds a hung scenario in fake time; never reached when the driver works.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromHours(1);

    public FakeTimeProvider Time { get; } = new();

    public LineActivity Activity { get; } = new();

    /// <summary>Runs <paramref name="scenario"/> to its end, moving the clock as described.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> scenario)
    {
        var start = Time.GetUtcNow();
        var work = Task.Run(scenario);
        while (!work.IsCompleted)
        {
            var changed = Activity.NextChange;
            if (Activity.IsQuiet)
            {
                if (Time.GetUtcNow() - start > Limit) throw new AssertFailedException($"the scenario did not end within {Limit} of fake time; {Activity}");
                Time.Advance(Step);
                continue;
            }
            await Task.WhenAny(work, changed).ConfigureAwait(false);
        }
        return await work.ConfigureAwait(false);
    }
}
