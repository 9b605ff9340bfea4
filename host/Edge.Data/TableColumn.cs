using System.Globalization;

namespace Edge.Data;

/// <summary>One column of a <see cref="Table"/>: its name, its cells as text, and (for Parquet) numbers read natively.</summary>
public sealed class TableColumn
{
    private double[]? _numbers;

    public TableColumn(string name, string[] texts)
    {
        Name = name;
        Texts = texts;
    }

    public TableColumn(string name, double[] numbers)
    {
        Name = name;
        _numbers = numbers;
        Texts = numbers.Select(n => n.ToString("R", CultureInfo.InvariantCulture)).ToArray();
    }

    public string Name { get; }

    public string[] Texts { get; }

    public int Length => Texts.Length;

    /// <summary>True when every cell is a finite number (an empty column counts as numeric).</summary>
    public bool IsNumeric => _numbers is not null || Texts.All(t => TryParse(t, out _));

    /// <summary>
    /// True when most cells are numbers: a numeric column with a few bad cells (typos, "N/A"),
    /// which should be reported rather than silently treated as categories.
    /// </summary>
    public bool IsMostlyNumeric => _numbers is not null || Texts.Count(t => TryParse(t, out _)) * 2 > Texts.Length;

    public double[] ToNumbers(string source)
    {
        if (_numbers is not null) return _numbers;
        var numbers = new double[Texts.Length];
        for (int i = 0; i < Texts.Length; i++)
        {
            if (!TryParse(Texts[i], out numbers[i]))
            {
                string cell = Texts[i].Length == 0 ? "an empty cell" : $"'{Truncate(Texts[i])}'";
                throw new DataFileException(source, $"{cell} is not a finite number", i + 1, Name);
            }
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
            string text = Texts[i].Trim();
            if (text.Length == 0 || text.Equals("nan", StringComparison.OrdinalIgnoreCase)) numbers[i] = double.NaN;
            else if (!TryParse(text, out numbers[i]))
                throw new DataFileException(source, $"'{Truncate(Texts[i])}' is not a finite number (an empty cell or NaN would be a missing value)", i + 1, Name);
        }
        return numbers;
    }

    private static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
