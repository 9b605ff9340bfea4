using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Hil.Run;
using Spectre.Console;

namespace Edge.Cli.Commands.Hil;

/// <summary>
/// Progress bars for a person at a terminal: the run's cells, and a bar per cell in progress
/// (positions with monitors of their own are measured at the same time, so several at once).
/// Called from several threads: the bars are kept under one lock.
/// </summary>
internal sealed class SpectreProgress(ProgressContext context) : IRunProgress
{
    private static readonly int Phases = Enum.GetValues<CellPhase>().Length;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ProgressTask> _cells = new(StringComparer.Ordinal);
    private ProgressTask? _preparing;
    private ProgressTask? _overall;

    public void Started(RunOverview overview)
    {
        lock (_gate)
        {
            if (_preparing is not null)
            {
                _preparing.Description = "models prepared";
                _preparing.Value = _preparing.MaxValue;
                _preparing.StopTask();
            }
            _overall = context.AddTask($"[bold]{Markup.Escape(overview.Rig)}[/]: {overview.ShardCells} cells", maxValue: Math.Max(1, overview.ShardCells));
            _overall.Increment(overview.Kept);
        }
    }

    public void Preparing(string model)
    {
        lock (_gate)
        {
            _preparing ??= context.AddTask("preparing models").IsIndeterminate();
            _preparing.Description = $"preparing {Markup.Escape(model)} (convert, ONNX Runtime on the accuracy rows)";
        }
    }

    public void CellStarted(MatrixCell cell)
    {
        lock (_gate) _cells[cell.Key] = context.AddTask(Markup.Escape(cell.Key), maxValue: Phases);
    }

    public void PhaseChanged(MatrixCell cell, CellPhase phase, int attempt)
    {
        lock (_gate)
        {
            if (!_cells.TryGetValue(cell.Key, out var task)) return;
            task.Value = (int)phase + 1;
            task.Description = $"{Markup.Escape(cell.Key)}: {CellPhases.Name(phase)}{(attempt > 1 ? $" (attempt {attempt})" : "")}";
        }
    }

    public void Retrying(MatrixCell cell, int failedAttempt, string reason)
    {
        lock (_gate)
            if (_cells.TryGetValue(cell.Key, out var task)) task.Description = $"{Markup.Escape(cell.Key)}: [yellow]retrying[/] after {Markup.Escape(Shorten(reason))}";
    }

    public void CellFinished(MatrixCell cell, CellResult result, bool resumed)
    {
        lock (_gate)
        {
            if (resumed || !_cells.Remove(cell.Key, out var task)) return; // kept cells were counted at the start
            _overall?.Increment(1);
            string colour = result.Status switch { CellStatus.Ok => "green", CellStatus.DoesNotFit => "grey", _ => "red" };
            task.Description = $"{Markup.Escape(cell.Key)}: [{colour}]{result.Status}[/]";
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
