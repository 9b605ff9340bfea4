using Edge.PlcBridge.Boards;

namespace Edge.PlcBridge.Publishing;

/// <summary>
/// What the bridge publishes about one board: the latest snapshot (kept while the board is away,
/// as docs/memory-map.md asks) and the bridge's own judgement of it. The ADS STRUCT and the
/// Prometheus gauges are both written from this one record.
/// </summary>
/// <param name="Snapshot">The latest snapshot; null before the first.</param>
/// <param name="Online">The feed reports the link up, the feed works, and the telemetry is not stale.</param>
/// <param name="Stale">No telemetry within the board's stale-after (or none yet).</param>
/// <param name="LastError">The bridge's error (feed failed, acknowledge not delivered) or else the snapshot's.</param>
/// <param name="Updates">Snapshots received since the bridge started.</param>
public sealed record BoardReading(string Board, BoardSnapshot? Snapshot, bool Online, bool Stale, string LastError, long Updates)
{
    public const string NoTelemetryYet = "no telemetry yet";

    public static BoardReading Initial(string board) => new(board, null, Online: false, Stale: true, NoTelemetryYet, Updates: 0);

    /// <summary>The last window's verdict code; <see cref="BoardSnapshot.UnknownVerdict"/> while it is not known.</summary>
    public byte VerdictCode => Snapshot is { WindowValid: true } s ? s.Verdict : BoardSnapshot.UnknownVerdict;
}
