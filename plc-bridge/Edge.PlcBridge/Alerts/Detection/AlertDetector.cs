using System.Globalization;
using Edge.Device.Drift;
using Edge.Device.Numerics;
using Edge.PlcBridge.Alerts.Dispatch;
using Edge.PlcBridge.Alerts.Events;
using Edge.PlcBridge.Boards;
using Edge.PlcBridge.Configuration;
using Edge.PlcBridge.Publishing;
using Microsoft.Extensions.Logging;

namespace Edge.PlcBridge.Alerts.Detection;

/// <summary>
/// Turns what the bridge publishes for a board (<see cref="BoardReading"/>, the same record the
/// STRUCT and the Prometheus gauges are written from) into alert events: the drift alarm raised or
/// cleared, the board offline or back online, the retraining capture frozen. Each transition is
/// judged against the <see cref="AlertLedger"/> (what was last seen, across restarts) and handed to
/// the <see cref="AlertDispatcher"/> without waiting. The first state seen for a board with no
/// history is only recorded, unless it is a problem (alarm raised, offline, capture frozen): then
/// it is sent, so people learn of problems present when the bridge starts.
/// </summary>
public sealed class AlertDetector
{
    private const string Frozen = "frozen", NotFrozen = "not-frozen";
    private readonly AlertLedger _ledger;
    private readonly AlertDispatcher _dispatcher;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, BoardInfo> _boards;

    internal AlertDetector(BridgeConfig config, AlertLedger ledger, AlertDispatcher dispatcher, TimeProvider time, ILogger logger)
    {
        _ledger = ledger;
        _dispatcher = dispatcher;
        _time = time;
        _boards = config.Boards.ToDictionary(b => b.Name, b => new BoardInfo(b.StaleAfter, Policy(b.ProfilePath, logger)), StringComparer.Ordinal);
    }

    /// <summary>Judges a board's new reading. Called by its watcher under the board's lock, so per board in order; never blocks.</summary>
    public void Observe(BoardReading reading)
    {
        if (!_boards.TryGetValue(reading.Board, out var info))
            return;
        // The bridge's initial "no telemetry yet" is not known to be offline: the feed has not tried yet.
        bool known = reading.Snapshot is not null || reading.LastError != BoardReading.NoTelemetryYet;
        if (known)
            Judge(reading, info, AlertKinds.BoardOffline, reading.Online ? AlertKinds.Online : AlertKinds.Offline, problem: !reading.Online);
        // An alarm is sent with the window that raised it: a report about to arrive is waited for.
        if (reading.Snapshot is { StatusValid: true, WindowPending: false } status)
        {
            Judge(reading, info, AlertKinds.DriftAlarm, status.DriftAlarm ? AlertKinds.Raised : AlertKinds.Cleared, problem: status.DriftAlarm);
            bool frozen = status.Capture == CaptureState.Frozen;
            Judge(reading, info, AlertKinds.CaptureReady, frozen ? Frozen : NotFrozen, problem: frozen);
        }
    }

    private void Judge(BoardReading reading, BoardInfo info, string kind, string state, bool problem)
    {
        long sequence;
        bool send;
        if (_ledger.TryGet(reading.Board, kind, out var last))
        {
            if (last.State == state)
                return;
            // A capture that is released is no event: only the next freeze is.
            send = kind != AlertKinds.CaptureReady || state == Frozen;
            sequence = last.Sequence + (send ? 1 : 0);
        }
        else
        {
            send = problem;
            sequence = send ? 1 : 0;
        }
        _ledger.Set(reading.Board, kind, new AlertLedgerEntry(state, sequence));
        if (send)
            _dispatcher.Enqueue(Build(reading, info, kind, state == Frozen ? AlertKinds.Ready : state, sequence));
    }

    private AlertEvent Build(BoardReading reading, BoardInfo info, string kind, string transition, long sequence)
    {
        var s = reading.Snapshot;
        var window = s is { WindowValid: true } ? s : null;
        var status = s is { StatusValid: true } ? s : null;
        var policy = info.Policy;
        var drifted = window is null ? null : Enumerable.Range(0, window.FeatureCount)
            .Where(i => i < window.FeatureDrifted.Count && window.FeatureDrifted[i])
            .Select(i => Feature(window, i, policy))
            .ToArray();
        var metrics = new AlertMetrics(
            Online: reading.Online,
            DriftAlarm: status?.DriftAlarm ?? false,
            CaptureState: status is null ? null : CaptureState.Name(status.Capture),
            Window: s?.WindowsCompleted,
            Verdict: window is null ? null : BoardSnapshot.VerdictName(window.Verdict),
            DriftScore: window?.DriftScore,
            AnomalyRate: window?.AnomalyRate,
            Samples: status?.Samples,
            Anomalies: status?.Anomalies,
            MissingValues: status?.MissingValues,
            LastSeen: s?.LastSeen?.UtcDateTime,
            Error: reading.LastError.Length > 0 ? reading.LastError : null,
            DriftedFeatures: drifted);
        var thresholds = new AlertThresholds(
            DriftShare: policy is null ? null : Q16.ToDouble(policy.Policy.DriftShareQ16),
            ConsecutiveWindows: policy?.Policy.ConsecutiveWindows,
            AnomalyBurstRate: policy is null ? null : Q16.ToDouble(policy.Policy.BurstRateQ16),
            CaptureRows: policy?.Policy.CaptureRows,
            StaleAfterSeconds: info.StaleAfter.TotalSeconds);
        string model = status?.ModelId ?? "";
        return new AlertEvent($"{reading.Board}/{kind}/{sequence.ToString(CultureInfo.InvariantCulture)}", kind, transition, sequence, reading.Board,
            model.Length > 0 ? model : null, _time.GetUtcNow().UtcDateTime, Message(reading.Board, kind, transition, metrics), metrics, thresholds);
    }

    private static AlertFeature Feature(BoardSnapshot window, int i, DriftProfile? policy)
    {
        bool saturated = i < window.FeatureSaturated.Count && window.FeatureSaturated[i];
        double statistic = i < window.FeatureDrift.Count ? window.FeatureDrift[i] : double.NaN;
        string name = i < window.FeatureNames.Count ? window.FeatureNames[i] : $"column{i}";
        double? threshold = policy is not null && i < policy.Columns.Length ? Q16.ToDouble(policy.Columns[i].ThresholdQ16) : null;
        return new AlertFeature(i, name, saturated || !double.IsFinite(statistic) ? null : statistic, saturated, threshold);
    }

    private static string Message(string board, string kind, string transition, AlertMetrics m) => (kind, transition) switch
    {
        (AlertKinds.DriftAlarm, AlertKinds.Raised) => FormattableString.Invariant(
            $"{board}: drift alarm raised (window {m.Window}, {m.DriftedFeatures?.Count ?? 0} feature(s) drifted, drift score {m.DriftScore:0.###}, anomaly rate {m.AnomalyRate:0.###})"),
        (AlertKinds.DriftAlarm, _) => $"{board}: drift alarm cleared",
        (AlertKinds.BoardOffline, AlertKinds.Offline) => $"{board}: offline ({m.Error})",
        (AlertKinds.BoardOffline, _) => $"{board}: back online",
        _ => FormattableString.Invariant($"{board}: retraining capture frozen at window {m.Window}; acknowledge the alarm to store it"),
    };

    // The profile the board runs gives the thresholds it decides with; without one they are not known.
    private static DriftProfile? Policy(string? profilePath, ILogger logger)
    {
        if (profilePath is null)
            return null;
        try
        {
            return BoardProfileFile.Read(profilePath);
        }
        catch (Exception e)
        {
            AlertLog.ProfileUnreadable(logger, profilePath, e.Message);
            return null;
        }
    }

    private sealed record BoardInfo(TimeSpan StaleAfter, DriftProfile? Policy);
}
