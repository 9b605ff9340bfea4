using Edge.Board.Client;
using Edge.PlcBridge.Boards;

namespace Edge.PlcBridge.Links;

/// <summary>Keeps what a board last said (status and last window) and makes a snapshot of it after each update.</summary>
internal sealed class SnapshotBuilder(string board, string[]? featureNames)
{
    private BoardStatus? _status;
    private WindowReport? _window;
    private DateTimeOffset? _lastSeen;

    public BoardSnapshot Status(BoardStatus status)
    {
        _status = status;
        _lastSeen = DateTimeOffset.UtcNow;
        return Build(online: true, "");
    }

    public BoardSnapshot Window(WindowReport window)
    {
        _window = window;
        _lastSeen = DateTimeOffset.UtcNow;
        return Build(online: true, "");
    }

    public BoardSnapshot Offline(string error) => Build(online: false, error);

    private BoardSnapshot Build(bool online, string error)
    {
        var s = _status;
        var w = _window;
        var columns = w?.Columns ?? [];
        var names = columns.Select(c => featureNames is not null && c.Index < featureNames.Length ? featureNames[c.Index] : $"column{c.Index}").ToList();
        return new BoardSnapshot(
            Board: board,
            Online: online,
            LastSeen: _lastSeen,
            ModelId: s?.ModelId ?? "",
            WindowsCompleted: s is null ? w?.Index ?? 0 : Math.Max(s.WindowsCompleted, w?.Index ?? 0),
            Samples: s?.Samples ?? 0,
            Inferences: s?.Inferences ?? 0,
            Anomalies: s?.Anomalies ?? 0,
            AnomalyRate: w is null || w.Samples == 0 ? 0 : (double)w.Anomalies / w.Samples,
            DriftScore: w is null ? 0 : w.DriftShareQ16 / 65536.0,
            DriftAlarm: s?.Alarm ?? w?.Alarm ?? false,
            Verdict: w?.Verdict ?? s?.Verdict ?? "",
            FeatureNames: names,
            FeatureDrift: columns.Select(c => c.TestValueQ16 / 65536.0).ToList(),
            FeatureDrifted: columns.Select(c => c.Drifted).ToList(),
            InferenceMicrosMean: s?.MeanInferenceMicros ?? 0,
            InferenceMicrosMax: s?.MaxInferenceMicros ?? 0,
            LastError: error);
    }
}
