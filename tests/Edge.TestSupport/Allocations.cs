namespace Edge.TestSupport;

/// <summary>
/// Checks a hot path allocates nothing. The runtime may allocate once on the calling thread while
/// it re-JITs a hot method (tiering, on-stack replacement), which is not the code's allocation;
/// an allocation per sample or per inference shows in every round. So rounds are repeated until
/// one allocates nothing, at most <c>maxRounds</c> times.
/// </summary>
public static class Allocations
{
    /// <summary>Bytes the calling thread allocated in each round run; the last is 0 when the path is allocation-free.</summary>
    public static IReadOnlyList<long> PerRound(Action round, int maxRounds = 5)
    {
        var rounds = new List<long>();
        do
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            round();
            rounds.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        } while (rounds[^1] != 0 && rounds.Count < maxRounds);
        return rounds;
    }

    public static void AssertNone(Action round, string what)
    {
        var rounds = PerRound(round);
        Assert.AreEqual(0L, rounds[^1], $"bytes allocated per round of {what}: {string.Join(", ", rounds)}");
    }
}
