using System.Collections.Concurrent;
using System.Globalization;
using Edge.Ads.Server;
using Edge.PlcBridge.Boards;
using Edge.PlcBridge.Publishing;
using Prometheus;

namespace Edge.PlcBridge.Metrics;

/// <summary>
/// The same values as the ADS STRUCTs, as Prometheus gauges labelled by board (and by feature for
/// the per-feature drift), plus the ADS server's counters. A registry of its own, so several
/// bridges (tests) never share series. Board counters are gauges: a board that restarts counts from 0 again.
/// A value that is not known has no sample (its series is removed), rather than a 0 or a NaN: an
/// absent series is what PromQL's absent() and alert rules treat as unknown, where a NaN would
/// poison sums and compare false silently. A saturated statistic is +Inf.
/// </summary>
public sealed class BridgeMetrics
{
    private static readonly string[] Board = ["board"];
    private static readonly string[] BoardFeature = ["board", "feature", "index"];

    private readonly Gauge _online, _stale, _alarm, _rate, _score, _windows, _samples, _inferences, _anomalies,
        _inferenceMean, _inferenceMax, _lastSeen, _updates, _error, _featureCount, _verdict, _model, _featureDrift, _featureDrifted,
        _missing, _featureMissing;
    private readonly Counter _acknowledges;
    private readonly ConcurrentDictionary<string, Series> _series = new(StringComparer.Ordinal);

    public BridgeMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        Gauge Gauge(string name, string help, string[]? labels = null) => factory.CreateGauge(name, help, labels ?? Board);
        _online = Gauge("edge_board_online", "1 when the board's link is up and its telemetry fresh.");
        _stale = Gauge("edge_board_stale", "1 when no telemetry arrived within the board's stale-after.");
        _alarm = Gauge("edge_board_drift_alarm", "1 while the board's drift alarm is raised (drift confirmed).");
        _rate = Gauge("edge_board_anomaly_rate", "Anomalies / samples in the last window (0..1).");
        _score = Gauge("edge_board_drift_score", "Share of features drifted in the last window (0..1).");
        _windows = Gauge("edge_board_windows_completed", "Drift windows the board completed.");
        _samples = Gauge("edge_board_samples", "Samples the board has seen.");
        _inferences = Gauge("edge_board_inferences", "Inferences the board has run.");
        _anomalies = Gauge("edge_board_anomalies", "Anomalous samples the board has seen.");
        _missing = Gauge("edge_board_missing_values", "Sample values that were missing (NaN) since the board started; kept out of its drift histograms.");
        _inferenceMean = Gauge("edge_board_inference_mean_seconds", "Mean inference time in the last window.");
        _inferenceMax = Gauge("edge_board_inference_max_seconds", "Longest inference time.");
        _lastSeen = Gauge("edge_board_last_seen_timestamp_seconds", "When telemetry last arrived (Unix time).");
        _updates = Gauge("edge_board_updates", "Snapshots received since the bridge started.");
        _error = Gauge("edge_board_error", "1 while the board or the bridge reports an error for it (see the log or the PLC's LastError).");
        _featureCount = Gauge("edge_board_feature_count", "Features the board reports.");
        _verdict = Gauge("edge_board_verdict", "1 for the last window's verdict, 0 for the others.", ["board", "verdict"]);
        _model = Gauge("edge_board_model_info", "1, labelled with the id of the model the board runs.", ["board", "model_id"]);
        _featureDrift = Gauge("edge_board_feature_drift", "Per feature: its drift test statistic in the last window (+Inf when saturated: 32768 or more, or infinite).", BoardFeature);
        _featureMissing = Gauge("edge_board_feature_missing", "Per feature: values missing in the last window.", BoardFeature);
        _featureDrifted = Gauge("edge_board_feature_drifted", "Per feature: 1 when its test flagged drift in the last window.", BoardFeature);
        _acknowledges = factory.CreateCounter("edge_board_alarm_acknowledges_total", "Alarm acknowledges the PLC wrote, by whether the board got them.", ["board", "result"]);
    }

    public CollectorRegistry Registry { get; }

    /// <summary>Sets every series of one board; series of features or models the board no longer reports are removed.</summary>
    public void Publish(BoardReading reading)
    {
        string board = reading.Board;
        var series = _series.GetOrAdd(board, _ => new Series());
        lock (series)
        {
            _online.WithLabels(board).Set(reading.Online ? 1 : 0);
            _stale.WithLabels(board).Set(reading.Stale ? 1 : 0);
            _updates.WithLabels(board).Set(reading.Updates);
            _error.WithLabels(board).Set(reading.LastError.Length > 0 ? 1 : 0);
            foreach (byte code in BoardSnapshot.VerdictCodes)
                _verdict.WithLabels(board, BoardSnapshot.VerdictName(code)).Set(reading.VerdictCode == code ? 1 : 0);
            _verdict.WithLabels(board, BoardSnapshot.VerdictName(BoardSnapshot.UnknownVerdict)).Set(reading.VerdictCode == BoardSnapshot.UnknownVerdict ? 1 : 0);
            if (reading.Snapshot is not { } s)
                return; // nothing measured yet: no values rather than zeros
            if (s.LastSeen is { } seen)
                _lastSeen.WithLabels(board).Set(seen.ToUnixTimeMilliseconds() / 1000.0);
            Known(board, s.StatusValid, (_alarm, s.DriftAlarm ? 1 : 0), (_windows, s.WindowsCompleted), (_samples, s.Samples), (_inferences, s.Inferences),
                (_anomalies, s.Anomalies), (_missing, s.MissingValues), (_inferenceMean, s.InferenceMicrosMean / 1e6), (_inferenceMax, s.InferenceMicrosMax / 1e6));
            Known(board, s.WindowValid, (_rate, s.AnomalyRate), (_score, s.DriftScore));
            if (s.StatusValid) PublishModel(board, s.ModelId ?? "", series);
            PublishFeatures(board, s, series);
        }
    }

    /// <summary>Sets a group of a board's gauges when known; removes their series when not.</summary>
    private static void Known(string board, bool known, params (Gauge Gauge, double Value)[] values)
    {
        foreach (var (gauge, value) in values)
        {
            if (known) gauge.WithLabels(board).Set(value);
            else gauge.RemoveLabelled(board);
        }
    }

    public void CountAcknowledge(string board, bool delivered) =>
        _acknowledges.WithLabels(board, delivered ? "forwarded" : "failed").Inc();

    /// <summary>Adds the ADS server's counters, read at every scrape.</summary>
    public void Track(AdsServer server)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        var connections = factory.CreateGauge("edge_ads_connections", "Open ADS connections.");
        var accepted = factory.CreateCounter("edge_ads_connections_accepted_total", "ADS connections accepted.");
        var rejected = factory.CreateCounter("edge_ads_connections_rejected_total", "ADS connections refused (allow-list, connection limits, reserved connections).");
        var timedOut = factory.CreateCounter("edge_ads_connections_timed_out_total", "ADS connections closed by the idle, request or send timeout.");
        var frames = factory.CreateCounter("edge_ads_frames_received_total", "AMS frames received.");
        var errors = factory.CreateCounter("edge_ads_error_replies_total", "Requests answered with an ADS error.");
        var limits = factory.CreateCounter("edge_ads_limit_refusals_total", "Requests refused because a per-connection limit was reached (handles, notifications, their bytes).");
        var violations = factory.CreateCounter("edge_ads_protocol_violations_total", "Connections dropped for breaking the protocol.");
        var sent = factory.CreateCounter("edge_ads_notifications_sent_total", "Device notification samples sent.");
        var dropped = factory.CreateCounter("edge_ads_notifications_dropped_total", "Device notification samples dropped because a peer did not read and its queue was full.");
        var queued = factory.CreateGauge("edge_ads_queued_bytes", "Bytes waiting to be sent to ADS peers, all connections together (each is bounded by max-queued-bytes).");
        var acceptFailures = factory.CreateCounter("edge_ads_accept_failures_total", "Failed accepts (e.g. out of file descriptors), each followed by a pause.");
        var suppressed = factory.CreateCounter("edge_ads_log_lines_suppressed_total", "Repeated ADS server log lines counted instead of written (summarised per 10 s).");
        Registry.AddBeforeCollectCallback(() =>
        {
            var statistics = server.Statistics;
            connections.Set(statistics.ActiveConnections);
            accepted.IncTo(statistics.ConnectionsAccepted);
            rejected.IncTo(statistics.ConnectionsRejected);
            timedOut.IncTo(statistics.ConnectionsTimedOut);
            frames.IncTo(statistics.FramesReceived);
            errors.IncTo(statistics.ErrorReplies);
            limits.IncTo(statistics.LimitRefusals);
            violations.IncTo(statistics.ProtocolViolations);
            sent.IncTo(statistics.NotificationsSent);
            dropped.IncTo(statistics.NotificationsDropped);
            queued.Set(statistics.QueuedBytes);
            acceptFailures.IncTo(statistics.AcceptFailures);
            suppressed.IncTo(statistics.LogLinesSuppressed);
        });
    }

    private void PublishModel(string board, string modelId, Series series)
    {
        if (series.ModelId is { } previous && previous != modelId)
            _model.RemoveLabelled(board, previous);
        series.ModelId = modelId;
        _model.WithLabels(board, modelId).Set(1);
    }

    private void PublishFeatures(string board, BoardSnapshot s, Series series)
    {
        // Not known (no window report since the bridge started): no feature series at all.
        IReadOnlyList<double> drift = s.WindowValid ? s.FeatureDrift ?? [] : [];
        IReadOnlyList<bool> drifted = s.WindowValid ? s.FeatureDrifted ?? [] : [];
        IReadOnlyList<bool> saturated = s.WindowValid ? s.FeatureSaturated ?? [] : [];
        IReadOnlyList<int> missing = s.WindowValid ? s.FeatureMissing ?? [] : [];
        var names = s.FeatureNames ?? [];
        var now = new List<(string Feature, string Index)>();
        for (int i = 0; i < Math.Max(drift.Count, drifted.Count); i++)
        {
            string index = i.ToString(CultureInfo.InvariantCulture);
            string feature = i < names.Count && !string.IsNullOrWhiteSpace(names[i]) ? names[i] : "f" + index;
            now.Add((feature, index));
            if (i < drift.Count)
                _featureDrift.WithLabels(board, feature, index).Set(i < saturated.Count && saturated[i] ? double.PositiveInfinity : drift[i]);
            if (i < drifted.Count)
                _featureDrifted.WithLabels(board, feature, index).Set(drifted[i] ? 1 : 0);
            if (i < missing.Count)
                _featureMissing.WithLabels(board, feature, index).Set(missing[i]);
        }
        foreach (var (feature, index) in series.Features.Except(now))
        {
            _featureDrift.RemoveLabelled(board, feature, index);
            _featureDrifted.RemoveLabelled(board, feature, index);
            _featureMissing.RemoveLabelled(board, feature, index);
        }
        series.Features = now;
    }

    // What was last exported for a board, so series that disappear can be removed.
    private sealed class Series
    {
        public string? ModelId { get; set; }

        public List<(string Feature, string Index)> Features { get; set; } = [];
    }
}
