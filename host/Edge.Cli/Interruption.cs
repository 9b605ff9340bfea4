using System.Runtime.InteropServices;

namespace Edge.Cli;

/// <summary>
/// How long-running commands stop: Ctrl+C (SIGINT) or a service manager's SIGTERM cancels a token (so
/// they can clean up) instead of killing the process. System.CommandLine's own termination handling is
/// off (EdgeCli), so each command decides what stopping means: the normal end of a simulator, an
/// interrupted HIL run (exit 130), a worker that drains its spool.
/// </summary>
public static class Interruption
{
    /// <summary>Cancelled on SIGINT or SIGTERM, when <paramref name="linked"/> is, or after <paramref name="limit"/> when one is given.</summary>
    public static CancellationTokenSource UntilInterrupted(TimeSpan? limit = null, CancellationToken linked = default)
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(linked);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            // Off the runtime's signal thread: a command's clean-up runs in the token's callbacks and the
            // awaits they resume, and must not block the thread that delivers signals.
            _ = cancel.CancelAsync();
        }
        // SIGTERM too: a process started in the background by a shell inherits SIGINT ignored, and a
        // service manager stops with SIGTERM.
        var registrations = new[] { PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop) };
        cancel.Token.Register(() =>
        {
            foreach (var registration in registrations) registration.Dispose();
        });
        if (limit is { } l) cancel.CancelAfter(l);
        return cancel;
    }
}
