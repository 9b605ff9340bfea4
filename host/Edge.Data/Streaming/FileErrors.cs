using Edge.Common.Files;
using Sylvan.Data.Csv;

namespace Edge.Data.Streaming;

/// <summary>Turns what the file and format libraries throw into a <see cref="DataFileException"/> that names the file.</summary>
internal static class FileErrors
{
    // One CSV record (row) larger than this is not a table row: a binary file, or a file without line ends.
    public const int MaxRecordChars = 16 * 1024 * 1024;

    public static T Guarded<T>(string path, string format, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DataFileException)
        {
            throw;
        }
        catch (InputFileException e)
        {
            throw new DataFileException(path, e.Problem, inner: e);
        }
        catch (CsvRecordTooLargeException e)
        {
            throw new DataFileException(path, $"a line is longer than {MaxRecordChars / (1024 * 1024)} M characters: not a CSV table (a binary file, or one without line ends?)", inner: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException or InvalidOperationException or NotSupportedException or IndexOutOfRangeException or ArgumentException or OverflowException)
        {
            throw new DataFileException(path, $"cannot be read as {format}: {e.Message}", inner: e);
        }
    }
}
