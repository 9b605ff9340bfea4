using System.CommandLine;
using Edge.Cli.Grammar;
using Edge.Models.Boards;

namespace Edge.Cli.Commands.Model;

/// <summary>--board and --arena-budget, shared by convert and verify.</summary>
public sealed class BudgetOptions
{
    public Option<string?> Board { get; } = new("--board", "-b")
    {
        Description = $"Fail when the model does not fit this board's managed heap (constants plus arena). Known: {string.Join(", ", BoardBudget.Known.Select(b => $"{b.Name} ({b.HeapBytes / 1024} KB)"))}.",
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
        new(result.GetValue(ArenaBudget), result.GetValue(Board) is { } board ? BoardBudget.Find(board) : null);
}
