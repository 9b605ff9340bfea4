using Edge.Data.Streaming;

namespace Edge.Data;

/// <summary>One column of a <see cref="Table"/>: its name and its cells as text, parsed on request.</summary>
public sealed class TableColumn(string name, string[] texts)
{
    private double[]? _numbers;

    public string Name { get; } = name;

    public string[] Texts { get; } = texts;

    public int Length => Texts.Length;

    /// <summary>True when every cell is a finite number (an empty column counts as numeric).</summary>
    public bool IsNumeric => _numbers is not null || Texts.All(t => Cells.TryNumber(t, out _));

    /// <summary>
    /// True when most cells are numbers: a numeric column with a few bad cells (typos, "N/A"),
    /// which should be reported rather than silently treated as categories.
    /// </summary>
    public bool IsMostlyNumeric => _numbers is not null || Texts.Count(t => Cells.TryNumber(t, out _)) * 2 > Texts.Length;

    public double[] ToNumbers(string source)
    {
        if (_numbers is not null) return _numbers;
        var numbers = new double[Texts.Length];
        for (int i = 0; i < Texts.Length; i++)
        {
            if (!Cells.TryNumber(Texts[i], out numbers[i])) throw Cells.NotANumber(source, i + 1, Name, Texts[i]);
        }
        _numbers = numbers;
        return numbers;
    }

    /// <summary>Like <see cref="ToNumbers"/>, with empty and "NaN" cells (any case) as NaN, a missing value.</summary>
    public double[] ToNumbersOrMissing(string source)
    {
        if (_numbers is not null) return _numbers;
        var numbers = new double[Texts.Length];
        for (int i = 0; i < Texts.Length; i++)
        {
            var text = Texts[i].AsSpan().Trim();
            if (Cells.IsMissing(text)) numbers[i] = double.NaN;
            else if (!Cells.TryNumber(text, out numbers[i]))
                throw Cells.NotANumber(source, i + 1, Name, text, Cells.MissingHint);
        }
        return numbers;
    }
}
