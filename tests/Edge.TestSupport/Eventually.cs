namespace Edge.TestSupport;

/// <summary>
/// Waits for a state that another thread (a session closing, a service loop, a socket) brings
/// about; not a timing assertion. It polls every 20 ms; the deadline (10 s unless given) only
/// bounds a failure, it never decides a pass. The one place tests poll for state
/// (tests/README.md, "Waits that remain").
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? within = null) =>
        await ValueAsync(() => Task.FromResult(condition()), ok => ok, _ => what, within);

    /// <summary>Reads until <paramref name="ready"/> holds for what was read, and returns that; fails with <paramref name="describe"/> of the last read.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> ready, Func<T, string> describe, TimeSpan? within = null)
    {
        var limit = within ?? DefaultLimit;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (ready(value))
                return value;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"still not true after {limit}: {describe(value)}");
            await Task.Delay(Poll);
        }
    }
}
