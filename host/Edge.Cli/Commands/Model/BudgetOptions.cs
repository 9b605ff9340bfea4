using System.CommandLine;
using Edge.Models.Boards;
using Edge.Targets.Boards;

namespace Edge.Cli.Commands.Model;

/// <summary>--board and --arena-budget, shared by convert and verify.</summary>
public sealed class BudgetOptions
{
    public Option<string?> Board { get; } = new("--board", "-b")
    {
        Description = $"Fail when the board app with this model (and the drift profile it carries) does not fit the board's managed heap on nanoCLR; says by how much. Known: {string.Join(", ", BoardTarget.Known.Select(b => $"{b.Name} ({b.AppHeapBytes:N0} B after nanoCLR)"))}.",
    };

    public Option<int?> ArenaBudget { get; } = new("--arena-budget")
    {
        Description = "Fail when the model's arena needs more than this many bytes.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Board);
        command.Options.Add(ArenaBudget);
    }

    public MemoryBudget Read(ParseResult result)
    {
        int? arena = result.GetValue(ArenaBudget);
        if (arena is <= 0) throw new UserFacingException($"--arena-budget must be positive, got {arena}", ExitCode.Usage);
        string? board = result.GetValue(Board);
        try
        {
            return new MemoryBudget(arena, board is null ? null : BoardTarget.Find(board));
        }
        catch (ArgumentException e)
        {
            throw new UserFacingException(e.Message, ExitCode.Usage, e);
        }
    }
}
