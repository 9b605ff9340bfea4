using System.CommandLine;
using Edge.Cli.Grammar;
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

    public Option<int?> ArenaBudget { get; } = new Option<int?>("--arena-budget")
    {
        Description = "Fail when the model's arena needs more than this many bytes.",
    }.Within(1, int.MaxValue);

    public void AddTo(Command command)
    {
        command.Options.Add(Board);
        command.Options.Add(ArenaBudget);
    }

    /// <summary>An unknown --board is a <see cref="Edge.Common.SettingException"/> (usage error) naming the known ones.</summary>
    public MemoryBudget Read(ParseResult result) =>
        new(result.GetValue(ArenaBudget), result.GetValue(Board) is { } board ? BoardTarget.Find(board) : null);
}
