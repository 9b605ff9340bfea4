using Edge.Data.Streaming;

namespace Edge.Drift.Profiles;

/// <summary>
/// What the profile's first pass learns of one reference column, in bounded memory: how many cells
/// are numbers and where the first is not, range and sum of the numbers, the distinct numbers (only
/// while few: a column with few is profiled by value) and the distinct texts with their counts
/// (while at most <see cref="MaxTexts"/>).
/// </summary>
internal sealed class ColumnSurvey
{
    /// <summary>Distinct texts remembered; a column with more is no categorical column.</summary>
    public const int MaxTexts = 4096;

    private readonly int _maxDistinctNumbers;
    private readonly List<long> _textCounts = [];

    public ColumnSurvey(string name, bool categorical, bool prediction, int maxDistinctNumbers)
    {
        Name = name;
        Categorical = categorical;
        Prediction = prediction;
        _maxDistinctNumbers = maxDistinctNumbers;
    }

    public string Name { get; }

    /// <summary>Named categorical (--categorical, or the predicted class).</summary>
    public bool Categorical { get; }

    public bool Prediction { get; }

    public TextVocabulary Texts { get; } = TextVocabulary.Open(MaxTexts);

    public long Cells { get; private set; }

    public long NumberCells { get; private set; }

    /// <summary>Empty cells (or Parquet nulls): coded <see cref="TextVocabulary.Empty"/>, not a text of <see cref="Texts"/>.</summary>
    public long EmptyCells { get; private set; }

    /// <summary>Each distinct text with its count, the empty text included when there was one.</summary>
    public IEnumerable<(string Text, long Count)> TextCounts =>
        Texts.Texts.Select((text, code) => (text, _textCounts[code])).Concat(EmptyCells > 0 ? [("", EmptyCells)] : []);

    /// <summary>Row (1-based) of the first cell that is not a finite number.</summary>
    public long? FirstNonNumberRow { get; private set; }

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>The numbers' sum in row order (the mean as numpy's and LINQ's sequential sum gives it).</summary>
    public double Sum { get; private set; }

    /// <summary>Each distinct number's bit pattern (0 and -0 apart, as their category names are) with its count; null once there are too many.</summary>
    public Dictionary<long, long>? Numbers { get; private set; } = [];

    public bool IsMostlyNumeric => NumberCells * 2 > Cells;

    /// <summary>Distinct numbers as doubles compare (0 and -0 the same), or null when more than the limit.</summary>
    public int? DistinctNumbers => Numbers?.Keys.Select(BitConverter.Int64BitsToDouble).Distinct().Count() is { } n && n <= _maxDistinctNumbers ? n : null;

    public void Add(TableChunk chunk, int column)
    {
        var numbers = chunk.Numbers(column);
        var codes = chunk.Codes(column);
        for (int r = 0; r < numbers.Length; r++)
        {
            int code = codes[r];
            if (code == TextVocabulary.Empty) EmptyCells++;
            else if (code >= 0)
            {
                while (_textCounts.Count <= code) _textCounts.Add(0);
                _textCounts[code]++;
            }
            double v = numbers[r];
            if (double.IsNaN(v))
            {
                FirstNonNumberRow ??= chunk.FirstRow + r;
                continue;
            }
            NumberCells++;
            Sum += v;
            if (v < Min) Min = v;
            if (v > Max) Max = v;
            if (Numbers is { } distinct)
            {
                long bits = BitConverter.DoubleToInt64Bits(v);
                distinct[bits] = distinct.GetValueOrDefault(bits) + 1;
                // Only 0 has two patterns, so more than limit + 2 patterns are more than limit values.
                if (distinct.Count > _maxDistinctNumbers + 2) Numbers = null;
            }
        }
        Cells += numbers.Length;
    }
}
