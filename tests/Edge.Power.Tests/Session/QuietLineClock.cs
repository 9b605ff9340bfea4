using Edge.Power.Session;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Power.Tests.Session;

/// <summary>
/// A fake clock for a driver and a simulator that share one <see cref="LineActivity"/>: time moves
/// only in steps shorter than any quiet period, and only when (a) the line is quiet, so any timer
/// that fires fires on true silence, or (b) the driver has read data since the last step, so a
/// busy line lets time pass without any read timeout reaching its end. Nothing depends on how
/// fast the machine runs: a stream is "still streaming" after 1 s of reads, and "stopped" after
/// the quiet period of real silence.
/// </summary>
internal sealed class QuietLineClock
{
    /// <summary>Shorter than the shortest quiet period the driver uses (30 ms).</summary>
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
        long readsAtLastStep = 0;
        while (!work.IsCompleted)
        {
            var changed = Activity.NextChange;
            long reads = Activity.DriverDataReads;
            if (Activity.IsQuiet || reads != readsAtLastStep)
            {
                if (Time.GetUtcNow() - start > Limit) throw new AssertFailedException($"the scenario did not end within {Limit} of fake time; {Activity}");
                readsAtLastStep = reads;
                Time.Advance(Step);
                continue;
            }
            await Task.WhenAny(work, changed).ConfigureAwait(false);
        }
        return await work.ConfigureAwait(false);
    }
}
