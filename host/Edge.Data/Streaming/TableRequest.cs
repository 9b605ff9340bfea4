namespace Edge.Data.Streaming;

/// <summary>What to do with a numeric column's missing cells: empty, or NaN (a Parquet null or NaN, a CSV "NaN").</summary>
public enum MissingCells
{
    /// <summary>A missing cell is an error naming file, row and column (what every command does today).</summary>
    Refuse,

    /// <summary>A missing cell is delivered as <see cref="double.NaN"/>; other text and infinities are still errors.</summary>
    AsNaN,
}

/// <summary>One requested column: read as a number (missing cells as <paramref name="Missing"/> says), or as a text coded against a vocabulary (and as a number where the text is one).</summary>
public sealed record ColumnRequest(string Name, TextVocabulary? Vocabulary, MissingCells Missing = MissingCells.Refuse)
{
    public bool IsText => Vocabulary is not null;
}

/// <summary>The columns a pass over a table reads, in the order the chunk holds them. Columns not named are skipped unparsed.</summary>
public sealed class TableRequest
{
    private readonly List<ColumnRequest> _columns = [];

    public IReadOnlyList<ColumnRequest> Columns => _columns;

    /// <summary>
    /// A numeric column: a cell that is not a finite number fails with its file, row and column;
    /// with <see cref="MissingCells.AsNaN"/>, an empty or "NaN" cell (a Parquet null) is NaN instead.
    /// </summary>
    public int Number(string name, MissingCells missing = MissingCells.Refuse)
    {
        _columns.Add(new ColumnRequest(name, null, missing));
        return _columns.Count - 1;
    }

    /// <summary>A text column: each cell's code in <paramref name="vocabulary"/> (<see cref="TextVocabulary.Empty"/> for an empty cell or a Parquet null), and its value where the text is a finite number (else NaN).</summary>
    public int Text(string name, TextVocabulary vocabulary)
    {
        _columns.Add(new ColumnRequest(name, vocabulary));
        return _columns.Count - 1;
    }
}
