using System.Runtime.CompilerServices;
using Edge.Board.Client;
using Edge.Board.Link;
using Edge.Device.Board;
using Edge.Device.Drift;
using Edge.PlcBridge.Boards;
using Edge.PlcBridge.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.PlcBridge.Links;

/// <summary>
/// A board's telemetry over its link (firmware/docs/link-protocol.md): connects, asks for status
/// every <see cref="StatusInterval"/> and for window reports, and turns each status record and each
/// complete window report into a snapshot. A lost link becomes an offline snapshot naming the
/// error, then the feed reconnects with a growing pause; the bridge never sees an exception for it.
/// </summary>
public sealed class LinkBoardFeed(BoardEndpointConfig board, ILogger? logger = null) : IBoardFeed
{
    public static readonly TimeSpan StatusInterval = TimeSpan.FromMilliseconds(500);

    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly string[]? _featureNames = FeatureNames(board.ProfilePath);
    private volatile BoardClient? _client;

    public string Board => board.Name;

    public async IAsyncEnumerable<BoardSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var state = new SnapshotBuilder(board.Name, _featureNames);
        var pause = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            var session = Session(state, cancellationToken).GetAsyncEnumerator(cancellationToken);
            string? failure = null;
            while (failure is null)
            {
                BoardSnapshot? next = null;
                try
                {
                    if (!await session.MoveNextAsync().ConfigureAwait(false)) break;
                    next = session.Current;
                    pause = TimeSpan.FromSeconds(1);
                }
                catch (Exception e) when (e is BoardLinkException or IOException or TimeoutException && !cancellationToken.IsCancellationRequested)
                {
                    _logger.LogWarning("board {Board} at {Address}: {Message}", board.Name, board.Address, e.Message);
                    failure = e.Message;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                if (next is not null) yield return next;
            }
            await session.DisposeAsync().ConfigureAwait(false);
            if (failure is not null) yield return state.Offline(failure);
            await DisconnectAsync().ConfigureAwait(false);
            try
            {
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
        }
    }

    /// <summary>One connection: snapshots until the link fails (an exception) or the caller stops.</summary>
    private async IAsyncEnumerable<BoardSnapshot> Session(SnapshotBuilder state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (client, _) = await BoardClient.ConnectAsync(board.Address, board.BaudRate, new LinkOptions(), _logger, cancellationToken).ConfigureAwait(false);
        _client = client;
        await client.SetTelemetryAsync((int)StatusInterval.TotalMilliseconds, windowReports: true, cancellationToken).ConfigureAwait(false);
        yield return state.Status(await client.StatusAsync(cancellationToken).ConfigureAwait(false));
        WindowReport? partial = null;
        await foreach (var frame in client.Link.Telemetry.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (frame.Kind == TelemetryKind.Status)
            {
                yield return state.Status(BoardStatus.Parse(frame.Payload));
                continue;
            }
            if (frame.Kind != TelemetryKind.Window) continue;
            var page = WindowReport.ParsePage(frame.Payload);
            // Pages of one window arrive in order; a page starting at column 0 starts a new report.
            partial = partial is null || page.Columns.Count == 0 || page.Columns[0].Index == 0 || page.Index != partial.Index ? page : partial.Join(page);
            if (partial.Complete) yield return state.Window(partial);
        }
        throw new BoardLinkException($"link to {board.Address} closed");
    }

    public async Task AcknowledgeAlarmAsync(CancellationToken cancellationToken)
    {
        var client = _client ?? throw new InvalidOperationException($"board {board.Name} is not connected");
        await client.AcknowledgeAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task DisconnectAsync()
    {
        var client = Interlocked.Exchange(ref _client, null);
        if (client is not null) await client.DisposeAsync().ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => new(DisconnectAsync());

    private static string[]? FeatureNames(string? profilePath)
    {
        if (profilePath is null) return null;
        var profile = Edge.Drift.Profiles.ProfileFile.Read(profilePath);
        return profile.Columns.Select(c => c.Name).ToArray();
    }
}
