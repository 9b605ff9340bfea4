using Parquet;

namespace Edge.Hil.Inputs;

/// <summary>A data file's column names, read without reading its rows (matching models to tables reads every candidate).</summary>
public static class TableHeader
{
    public static IReadOnlyList<string> Read(string path)
    {
        try
        {
            if (Path.GetExtension(path).ToLowerInvariant() is ".parquet" or ".pq")
                return ParquetReader.ReadSchemaAsync(path).GetAwaiter().GetResult().GetDataFields().Select(f => f.Name).ToList();
            using var reader = new StreamReader(path);
            string? line = reader.ReadLine();
            if (line is null) return [];
            // Edge.Data reads comma- or semicolon-separated files.
            char separator = line.Contains(';') && !line.Contains(',') ? ';' : ',';
            return line.Split(separator).Select(n => n.Trim().Trim('"').Trim()).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new HilInputException($"{path}: cannot read its header: {e.Message}", e);
        }
    }
}
