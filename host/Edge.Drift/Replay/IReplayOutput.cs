namespace Edge.Drift.Replay;

/// <summary>
/// Receives a replay as it runs: the setup, each window when the board would report it, then the
/// summary and the capture. Writers print as they go, so a replay of any length holds one window.
/// </summary>
public interface IReplayOutput
{
    void Begin(ReplaySetup setup);

    void Window(WindowRecord window);

    void End(ReplaySummary summary, IReadOnlyList<CapturedRow> captured);
}

/// <summary>What a replay runs: the profile and data files, the window and where anomaly flags come from.</summary>
public sealed record ReplaySetup(string ProfileSource, string DataSource, int WindowSize, string AnomalySource);

/// <summary>Keeps the whole replay as a <see cref="ReplayResult"/> (tests, and callers that want the windows as a list).</summary>
public sealed class ReplayCollector : IReplayOutput
{
    private readonly List<WindowRecord> _windows = [];
    private ReplaySetup? _setup;

    public ReplayResult? Result { get; private set; }

    public void Begin(ReplaySetup setup) => _setup = setup;

    public void Window(WindowRecord window) => _windows.Add(window);

    public void End(ReplaySummary summary, IReadOnlyList<CapturedRow> captured)
    {
        var setup = _setup ?? throw new InvalidOperationException("End before Begin");
        Result = new ReplayResult(setup.ProfileSource, setup.DataSource, setup.WindowSize, setup.AnomalySource, _windows, summary, captured);
    }
}
