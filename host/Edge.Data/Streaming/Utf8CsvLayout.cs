using System.Text;
using System.Text.Unicode;
using Edge.Common.Files;

namespace Edge.Data.Streaming;

/// <summary>
/// Where a CSV file's data rows start in its bytes and which byte separates their cells, when that is
/// certain: the header is one plain UTF-8 line (no quote, no carriage return but a final one) that,
/// split at exactly one of Sylvan's candidate separators, gives the very names Sylvan read. Otherwise
/// (one column, quoted names, UTF-16, a header longer than 64 KB) there is no layout and the file is
/// read by Sylvan alone.
/// </summary>
internal sealed record Utf8CsvLayout(byte Separator, int HeaderBytes)
{
    private const int MaxHeaderBytes = 64 * 1024;
    private static readonly byte[] Candidates = [(byte)',', (byte)';', (byte)'\t', (byte)'|'];

    public static Utf8CsvLayout? Of(string path, long maxBytes, IReadOnlyList<string> names)
    {
        if (names.Count < 2) return null;
        var start = new byte[MaxHeaderBytes];
        int read;
        using (var stream = InputFile.OpenRead(path, maxBytes, "a table"))
            read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return Of(start.AsSpan(0, read), names);
    }

    public static Utf8CsvLayout? Of(ReadOnlySpan<byte> start, IReadOnlyList<string> names)
    {
        int bom = start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var rest = start[bom..];
        int newline = rest.IndexOf((byte)'\n');
        if (newline < 0) return null;
        var header = rest[..newline];
        if (header.EndsWith((byte)'\r')) header = header[..^1];
        if (header.IndexOfAny((byte)'"', (byte)'\r') >= 0 || !Utf8.IsValid(header)) return null;
        var text = Encoding.UTF8.GetString(header);
        var separators = Candidates.Where(s => text.Split((char)s).SequenceEqual(names, StringComparer.Ordinal)).ToList();
        return separators.Count == 1 ? new Utf8CsvLayout(separators[0], bom + newline + 1) : null;
    }
}
