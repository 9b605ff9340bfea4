using System.Globalization;

namespace Edge.Data.Streaming;

/// <summary>
/// How every reader turns one cell's text into the chunk's values: numbers culture-invariant and
/// finite, missing cells as the request says, text cells coded. The one place a cell is judged, so
/// CSV, Parquet and in-memory tables fail with the same words.
/// </summary>
internal static class Cells
{
    /// <summary>
    /// A finite number in invariant notation. The common decimal forms go through csFastFloat
    /// (correctly rounded, as .NET's parser is, several times faster: parsing is most of a replay's
    /// time); anything it does not take whole falls back to .NET's parser, so what is accepted is
    /// exactly what <see cref="double.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider, out double)"/> accepts.
    /// </summary>
    public static bool TryNumber(ReadOnlySpan<char> text, out double value)
    {
        if (csFastFloat.FastDoubleParser.TryParseDouble(text, out int consumed, out value) && consumed == text.Length)
            return double.IsFinite(value);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>Empty, or NaN in any case: what pandas writes for a missing value.</summary>
    public static bool IsMissing(ReadOnlySpan<char> text) => text.IsEmpty || text.Equals("NaN", StringComparison.OrdinalIgnoreCase);

    /// <summary>Stores one cell (already trimmed) at <paramref name="index"/> of column <paramref name="column"/>.</summary>
    public static void Store(TableChunk chunk, int column, int index, ReadOnlySpan<char> text, string source, long row)
    {
        var request = chunk.Request.Columns[column];
        var numbers = chunk.NumberStore(column);
        if (request.Vocabulary is { } vocabulary)
        {
            chunk.CodeStore(column)![index] = text.IsEmpty ? TextVocabulary.Empty : vocabulary.CodeOf(text);
            numbers[index] = TryNumber(text, out double v) ? v : double.NaN;
            return;
        }
        if (TryNumber(text, out numbers[index])) return;
        if (request.Missing == MissingCells.AsNaN && IsMissing(text))
        {
            numbers[index] = double.NaN;
            return;
        }
        throw NotANumber(source, row, request.Name, text, request.Missing == MissingCells.AsNaN ? MissingHint : "");
    }

    /// <summary>Stores a value a file holds as a number (Parquet); a text column codes its invariant text.</summary>
    public static void StoreNumber(TableChunk chunk, int column, int index, double value, string source, long row)
    {
        var request = chunk.Request.Columns[column];
        if (request.Vocabulary is not null || !double.IsFinite(value))
        {
            Span<char> text = stackalloc char[32];
            value.TryFormat(text, out int written, "R", CultureInfo.InvariantCulture);
            Store(chunk, column, index, text[..written], source, row);
            return;
        }
        chunk.NumberStore(column)[index] = value;
    }

    /// <summary>Said of a bad cell where missing values are allowed.</summary>
    public const string MissingHint = " (an empty cell or NaN would be a missing value)";

    public static DataFileException NotANumber(string source, long row, string column, ReadOnlySpan<char> text, string hint = "")
    {
        string cell = text.IsEmpty ? "an empty cell" : $"'{(text.Length <= 40 ? text.ToString() : text[..40].ToString() + "...")}'";
        return new DataFileException(source, $"{cell} is not a finite number{hint}", row, column);
    }
}
