namespace Edge.PlcBridge.Boards;

/// <summary>
/// The telemetry of one board, as the bridge consumes it. The link-based implementation lives
/// with the board link client; tests script their own.
/// </summary>
public interface IBoardFeed : IAsyncDisposable
{
    /// <summary>The configured board name.</summary>
    string Board { get; }

    /// <summary>
    /// A new snapshot whenever something changes, until <paramref name="cancellationToken"/>.
    /// Reconnects inside: a lost link shows as snapshots with <see cref="BoardSnapshot.Online"/>
    /// false. If it throws or ends anyway, the bridge marks the board offline and calls again later.
    /// </summary>
    IAsyncEnumerable<BoardSnapshot> WatchAsync(CancellationToken cancellationToken);

    /// <summary>Forwards the PLC's alarm acknowledge to the board (the link's <c>acknowledge</c> command).</summary>
    Task AcknowledgeAlarmAsync(CancellationToken cancellationToken);
}
