namespace Edge.Cli;

/// <summary>How long-running commands stop: Ctrl+C cancels a token (so they can clean up) instead of killing the process.</summary>
public static class Interruption
{
    /// <summary>Cancelled on Ctrl+C, or after <paramref name="limit"/> when one is given.</summary>
    public static CancellationTokenSource UntilInterrupted(TimeSpan? limit = null)
    {
        var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler handler = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += handler;
        cancel.Token.Register(() => Console.CancelKeyPress -= handler);
        if (limit is { } l) cancel.CancelAfter(l);
        return cancel;
    }
}
