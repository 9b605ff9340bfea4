using System.Runtime.CompilerServices;
using Edge.Board.Client;
using Edge.Board.Link;
using Edge.Device.Drift;
using Edge.Device.Link;
using Edge.Device.Link.Messages;
using Edge.PlcBridge.Boards;
using Edge.PlcBridge.Captures;
using Edge.PlcBridge.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.PlcBridge.Links;

/// <summary>
/// A board's telemetry over its link (firmware/docs/link-protocol.md). Each <see cref="WatchAsync"/>
/// is one connection: it opens a session, asks for status every <see cref="StatusInterval"/> and
/// for window reports, fetches the last window's report at once (so nothing reads as 0 that is
/// merely not known yet), and turns each status record and complete window report into a
/// snapshot. A heartbeat notices a board that went away without closing the connection (power
/// loss behind a half-open TCP connection, a pulled serial cable): the link then fails, the
/// enumeration throws, and the bridge's watcher marks the board offline and calls again.
/// What the board last said is kept across connections.
/// </summary>
public sealed class LinkBoardFeed(BoardEndpointConfig board, ILogger? logger = null, LinkOptions? linkOptions = null) : IBoardFeed
{
    public static readonly TimeSpan StatusInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The link the bridge keeps: a ping after 1 s without requests; a board that answers no
    /// request for 8 x 250 ms counts as gone. A half-open link is noticed within about 3 s.
    /// </summary>
    public static LinkOptions DefaultLink { get; } = new() { Heartbeat = TimeSpan.FromSeconds(1) };

    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly DriftProfile? _profile = Profile(board.ProfilePath);
    private readonly CaptureStore _captures = new(board);
    private readonly SemaphoreSlim _acknowledging = new(1, 1);
    private SnapshotBuilder? _state;
    private volatile BoardClient? _client;

    public string Board => board.Name;

    public async IAsyncEnumerable<BoardSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var state = _state ??= new SnapshotBuilder(board.Name, _profile?.Columns.Select(c => c.Name).ToArray());
        var (client, _) = await BoardClient.ConnectAsync(board.Address, board.BaudRate, linkOptions ?? DefaultLink, _logger, cancellationToken).ConfigureAwait(false);
        _client = client;
        try
        {
            await client.SetTelemetryAsync((int)StatusInterval.TotalMilliseconds, windowReports: true, cancellationToken).ConfigureAwait(false);
            var status = await client.StatusAsync(cancellationToken).ConfigureAwait(false);
            yield return state.Status(status, DateTimeOffset.UtcNow);
            if (status.WindowKnown)
                yield return state.Window(await client.WindowAsync(cancellationToken).ConfigureAwait(false), DateTimeOffset.UtcNow);
            var pages = new WindowPageJoiner();
            await foreach (var frame in client.Link.Telemetry.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (frame.Kind == TelemetryKind.Status)
                {
                    yield return state.Status(BoardStatus.From(frame.Decode(new StatusRecord(), client.Address)), frame.ReceivedAt);
                }
                else if (frame.Kind == TelemetryKind.Window && pages.Add(frame.Decode(new WindowPage(), client.Address)) is { } report)
                {
                    yield return state.Window(report, frame.ReceivedAt);
                }
            }
            var reason = client.Link.CloseReason;
            throw new BoardLinkException(reason?.Message ?? $"link to {board.Address} closed", reason);
        }
        finally
        {
            await DisconnectAsync(client).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Fetches the board's frozen retraining capture, stores it in the capture folder (or, with a `store:`, the spool), and only
    /// then acknowledges (the board releases the capture and clears its alarm). A capture that
    /// cannot be stored is not released: the acknowledge fails, naming the file.
    /// </summary>
    public async Task AcknowledgeAlarmAsync(CancellationToken cancellationToken)
    {
        var client = _client ?? throw new InvalidOperationException($"board {board.Name} is not connected");
        await _acknowledging.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var capture = await client.CaptureInfoAsync(cancellationToken).ConfigureAwait(false);
            long stored = 0;
            if (capture.State == CaptureState.Frozen && capture.Rows > 0)
            {
                var rows = await client.CaptureReadAsync(capture, cancellationToken).ConfigureAwait(false);
                // The model the capture was taken under, for retraining.
                string model = (await client.StatusAsync(cancellationToken).ConfigureAwait(false)).ModelId;
                string path = _captures.Save(capture, rows, _profile?.Columns.Length == capture.Columns ? _profile : null, model);
                BridgeLog.CaptureStored(_logger, board.Name, rows.Count, capture.FrozenAtWindow, path);
                stored = capture.FrozenAtWindow;
            }
            await client.AcknowledgeAsync(stored, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _acknowledging.Release();
        }
    }

    private async Task DisconnectAsync(BoardClient client)
    {
        Interlocked.CompareExchange(ref _client, null, client);
        await client.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _client, null) is { } client) await client.DisposeAsync().ConfigureAwait(false);
    }

    private static DriftProfile? Profile(string? profilePath) =>
        profilePath is null ? null : BoardProfileFile.Read(profilePath);
}
