using Edge.Board.Client;
using Edge.Device.Drift;
using Edge.Device.Link.Messages;
using Edge.PlcBridge.Boards;

namespace Edge.PlcBridge.Links;

/// <summary>
/// Keeps what a board last said (status and last window) and makes a snapshot of it after each
/// update. What has not been said since the bridge started is published as not known.
/// </summary>
internal sealed class SnapshotBuilder(string board, string[]? featureNames)
{
    private BoardStatus? _status;
    private WindowReport? _window;
    private DateTimeOffset? _lastSeen;

    public BoardSnapshot Status(BoardStatus status, DateTimeOffset now)
    {
        _status = status;
        // A board that restarted or lost its profile has no last window any more.
        if (!status.WindowKnown || status.WindowsCompleted < (_window?.Index ?? 0)) _window = null;
        _lastSeen = now;
        return Build(online: true, "");
    }

    public BoardSnapshot Window(WindowReport window, DateTimeOffset now)
    {
        if (window.Index > 0) _window = window;
        _lastSeen = now;
        return Build(online: true, "");
    }

    public BoardSnapshot Offline(string error) => Build(online: false, error);

    private BoardSnapshot Build(bool online, string error)
    {
        var s = _status;
        var w = _window;
        var columns = w?.Columns ?? [];
        return new BoardSnapshot(
            Board: board,
            Online: online,
            LastSeen: _lastSeen,
            StatusValid: s is not null,
            ModelId: s?.ModelId ?? "",
            WindowsCompleted: Math.Max(s?.WindowsCompleted ?? 0, w?.Index ?? 0),
            Samples: s?.Samples ?? 0,
            Inferences: s?.Inferences ?? 0,
            Anomalies: s?.Anomalies ?? 0,
            MissingValues: s?.MissingValues ?? 0,
            DriftAlarm: s?.Alarm ?? w?.Alarm ?? false,
            WindowValid: w is not null,
            AnomalyRate: w?.AnomalyRate ?? 0,
            DriftScore: w?.DriftShare ?? 0,
            Verdict: w?.Verdict ?? BoardSnapshot.UnknownVerdict,
            FeatureNames: columns.Select(c => featureNames is not null && c.Index < featureNames.Length ? featureNames[c.Index] : $"column{c.Index}").ToList(),
            FeatureDrift: columns.Select(c => c.TestValue).ToList(),
            FeatureSaturated: columns.Select(c => c.IsSaturated(WindowPage.TestValue)).ToList(),
            FeatureDrifted: columns.Select(c => c.Drifted).ToList(),
            FeatureMissing: columns.Select(c => c.Missing).ToList(),
            InferenceMicrosMean: s?.MeanInferenceMicros ?? 0,
            InferenceMicrosMax: s?.MaxInferenceMicros ?? 0,
            LastError: error) { Capture = s?.Capture ?? CaptureState.Idle, WindowPending = s is { WindowKnown: true } && w is null };
    }
}
