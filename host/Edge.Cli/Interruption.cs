namespace Edge.Cli;

/// <summary>
/// How long-running commands stop: Ctrl+C cancels a token (so they can clean up) instead of killing
/// the process. System.CommandLine's own termination handling is off (EdgeCli), so each command
/// decides what Ctrl+C means: the normal end of a simulator, an interrupted HIL run (exit 130).
/// </summary>
public static class Interruption
{
    /// <summary>Cancelled on Ctrl+C, when <paramref name="linked"/> is, or after <paramref name="limit"/> when one is given.</summary>
    public static CancellationTokenSource UntilInterrupted(TimeSpan? limit = null, CancellationToken linked = default)
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(linked);
        ConsoleCancelEventHandler handler = (_, e) =>
        {
            e.Cancel = true;
            // Off the runtime's signal thread: a command's clean-up runs in the token's callbacks and the
            // awaits they resume, and must not block the thread that delivers signals (child exits too).
            _ = cancel.CancelAsync();
        };
        Console.CancelKeyPress += handler;
        cancel.Token.Register(() => Console.CancelKeyPress -= handler);
        if (limit is { } l) cancel.CancelAfter(l);
        return cancel;
    }
}
