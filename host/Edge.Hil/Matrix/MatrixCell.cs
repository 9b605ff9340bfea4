using System.Text;
using Edge.Hil.Inputs;
using Edge.Hil.Rigs;

namespace Edge.Hil.Matrix;

/// <summary>One cell of the matrix: a model on a board at a firmware revision.</summary>
public sealed record MatrixCell(ModelSource Model, RigBoard Board, string Firmware)
{
    /// <summary>`model@board@firmware`, safe as a file name (one result file per cell is named after it).</summary>
    public string Key { get; } = $"{Safe(Model.Name)}@{Safe(Board.Name)}@{Safe(Firmware)}";

    public override string ToString() => $"{Model.Name} on {Board.Name} (firmware {Firmware})";

    private static string Safe(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text) builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        return builder.ToString();
    }
}
