using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Hil.Rigs;
using Edge.Hil.Run;

namespace Edge.Hil.Tests.Support;

/// <summary>
/// Records which cells are in progress and which are measuring, from the run's own progress
/// calls, and makes overlap happen when the run allows it: a cell entering its measure phase
/// waits (a barrier, not a sleep) until every cell in progress is measuring too. So positions
/// measured at the same time are in the measure phase together, deterministically; a run that
/// measures one position after another passes the barrier alone each time (no overlap, no hang);
/// and two cells of boards sharing a monitor in progress at once are recorded as a violation
/// (the barrier would hold them both inside their monitor sessions).
/// </summary>
public sealed class OverlapProbe : IRunProgress
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2); // only against a hang; never reached when the run is right
    private readonly object _gate = new();
    private readonly Dictionary<string, MatrixCell> _inCell = new(StringComparer.Ordinal);
    private readonly HashSet<string> _measuring = new(StringComparer.Ordinal);
    private readonly List<string> _violations = [];
    private readonly List<string[]> _measuredTogether = [];
    private int _generation;

    /// <summary>Most cells measuring at one moment.</summary>
    public int MaxMeasuring { get; private set; }

    /// <summary>Most cells in progress at one moment.</summary>
    public int MaxInProgress { get; private set; }

    /// <summary>Each time the barrier opened with more than one cell: the boards measuring together.</summary>
    public IReadOnlyList<string[]> MeasuredTogether { get { lock (_gate) return [.. _measuredTogether]; } }

    public IReadOnlyList<string> Violations { get { lock (_gate) return [.. _violations]; } }

    public int Finished { get; private set; }

    public void Started(RunOverview overview) { }

    public void Preparing(string model) { }

    public void CellStarted(MatrixCell cell)
    {
        lock (_gate)
        {
            foreach (var other in _inCell.Values)
                if (other.Board == cell.Board || MonitorSharing.SameMonitor(other.Board, cell.Board))
                    _violations.Add($"{cell.Key} started while {other.Key} (same monitor) was in progress");
            _inCell[cell.Key] = cell;
            MaxInProgress = Math.Max(MaxInProgress, _inCell.Count);
        }
    }

    public void PhaseChanged(MatrixCell cell, CellPhase phase, int attempt)
    {
        lock (_gate)
        {
            if (phase != CellPhase.Measure)
            {
                if (_measuring.Remove(cell.Key)) OpenIfAllMeasuring();
                return;
            }
            _measuring.Add(cell.Key);
            MaxMeasuring = Math.Max(MaxMeasuring, _measuring.Count);
            if (OpenIfAllMeasuring()) return;
            int generation = _generation;
            while (_generation == generation)
            {
                if (!Monitor.Wait(_gate, Patience))
                {
                    _violations.Add($"{cell.Key}: the barrier did not open (in progress: {string.Join(", ", _inCell.Keys)})");
                    return;
                }
            }
        }
    }

    public void Retrying(MatrixCell cell, int failedAttempt, string reason)
    {
        lock (_gate) _violations.Add($"{cell.Key} needed a retry: {reason}");
    }

    public void CellFinished(MatrixCell cell, CellResult result, bool resumed)
    {
        lock (_gate)
        {
            Finished++;
            _inCell.Remove(cell.Key);
            _measuring.Remove(cell.Key);
            OpenIfAllMeasuring();
        }
    }

    /// <summary>Opens the barrier when every cell in progress is measuring.</summary>
    private bool OpenIfAllMeasuring()
    {
        if (_measuring.Count == 0 || _measuring.Count != _inCell.Count) return false;
        if (_measuring.Count > 1) _measuredTogether.Add(_measuring.Select(k => _inCell[k].Board.Name).Order(StringComparer.Ordinal).ToArray());
        _generation++;
        Monitor.PulseAll(_gate);
        return true;
    }
}
