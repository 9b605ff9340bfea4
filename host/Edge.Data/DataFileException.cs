namespace Edge.Data;

/// <summary>
/// A data file Edge cannot use, with the place it went wrong: file, and where known the
/// 1-based data row (the header is not counted) and the column.
/// </summary>
public sealed class DataFileException : Exception
{
    public DataFileException(string file, string problem, long? row = null, string? column = null, Exception? inner = null)
        : base(Describe(file, problem, row, column), inner)
    {
        File = file;
        Row = row;
        Column = column;
    }

    public string File { get; }

    public long? Row { get; }

    public string? Column { get; }

    private static string Describe(string file, string problem, long? row, string? column)
    {
        string place = row is null ? "" : column is null ? $", row {row}" : $", row {row}, column '{column}'";
        if (row is null && column is not null) place = $", column '{column}'";
        return $"{file}{place}: {problem}";
    }
}
