using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Hil.Run;
using Spectre.Console;

namespace Edge.Cli.Commands.Hil;

/// <summary>Progress bars for a person at a terminal: the run's cells, and the current cell's phases.</summary>
internal sealed class SpectreProgress(ProgressContext context) : IRunProgress
{
    private static readonly int Phases = Enum.GetValues<CellPhase>().Length;
    private ProgressTask? _preparing;
    private ProgressTask? _overall;
    private ProgressTask? _cell;

    public void Started(RunOverview overview)
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

    public void Preparing(string model)
    {
        _preparing ??= context.AddTask("preparing models").IsIndeterminate();
        _preparing.Description = $"preparing {Markup.Escape(model)} (convert, ONNX Runtime on the accuracy rows)";
    }

    public void CellStarted(MatrixCell cell)
    {
        _cell = context.AddTask(Markup.Escape(cell.Key), maxValue: Phases);
    }

    public void PhaseChanged(MatrixCell cell, CellPhase phase, int attempt)
    {
        if (_cell is null) return;
        _cell.Value = (int)phase + 1;
        _cell.Description = $"{Markup.Escape(cell.Key)}: {CellPhases.Name(phase)}{(attempt > 1 ? $" (attempt {attempt})" : "")}";
    }

    public void Retrying(MatrixCell cell, int failedAttempt, string reason)
    {
        if (_cell is not null) _cell.Description = $"{Markup.Escape(cell.Key)}: [yellow]retrying[/] after {Markup.Escape(Shorten(reason))}";
    }

    public void CellFinished(MatrixCell cell, CellResult result, bool resumed)
    {
        if (resumed || _cell is null) return; // kept cells were counted at the start
        _overall?.Increment(1);
        string colour = result.Status switch { CellStatus.Ok => "green", CellStatus.DoesNotFit => "grey", _ => "red" };
        _cell.Description = $"{Markup.Escape(cell.Key)}: [{colour}]{result.Status}[/]";
        _cell.Value = _cell.MaxValue;
        _cell.StopTask();
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
