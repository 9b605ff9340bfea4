namespace Edge.TestSupport;

/// <summary>Waits for a condition that becomes true asynchronously (a session closing); not a timing assertion.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"still not true after {within ?? TimeSpan.FromSeconds(10)}: {what}");
            await Task.Delay(20);
        }
    }
}
