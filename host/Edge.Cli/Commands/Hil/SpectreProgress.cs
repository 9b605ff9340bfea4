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
    private ProgressTask? _overall;
    private ProgressTask? _cell;

    public void Started(RunOverview overview)
    {
        _overall = context.AddTask($"[bold]{Markup.Escape(overview.Rig)}[/]: {overview.ShardCells} cells", maxValue: Math.Max(1, overview.ShardCells));
    }

    public void Preparing(string model)
    {
        _overall ??= context.AddTask("preparing models", maxValue: 1);
        _overall.Description = $"preparing {Markup.Escape(model)}";
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
        _overall?.Increment(1);
        if (resumed || _cell is null) return;
        string colour = result.Status switch { CellStatus.Ok => "green", CellStatus.DoesNotFit => "grey", _ => "red" };
        _cell.Description = $"{Markup.Escape(cell.Key)}: [{colour}]{result.Status}[/]";
        _cell.Value = _cell.MaxValue;
        _cell.StopTask();
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
