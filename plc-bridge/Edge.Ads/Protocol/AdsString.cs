using System.Text;

namespace Edge.Ads.Protocol;

/// <summary>
/// PLC strings on the wire: single-byte characters, NUL-terminated, cut at the first NUL by readers.
/// TwinCAT uses code page 1252; .NET has Latin-1, which equals it for ASCII and 0xA0-0xFF. Names
/// we publish are ASCII (IEC identifiers), so only string values can meet the difference.
/// </summary>
public static class AdsString
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>Bytes of <paramref name="text"/> without the NUL.</summary>
    public static int ByteCount(string text) => Latin1.GetByteCount(text);

    /// <summary>Writes <paramref name="text"/> and a NUL; returns the bytes written.</summary>
    public static int WriteNulTerminated(string text, Span<byte> destination)
    {
        int n = Latin1.GetBytes(text, destination);
        destination[n] = 0;
        return n + 1;
    }

    /// <summary>Reads up to the first NUL (or the whole span when there is none).</summary>
    public static string Read(ReadOnlySpan<byte> source)
    {
        int nul = source.IndexOf((byte)0);
        return Latin1.GetString(nul < 0 ? source : source[..nul]);
    }

    /// <summary>
    /// Reads a name a client sent as write data (<c>name\0</c>): the NUL is optional; a NUL inside
    /// ends the name. Surrounding blanks are trimmed, as TwinCAT does for symbol paths.
    /// </summary>
    public static string ReadName(ReadOnlySpan<byte> source) => Read(source).Trim();

    /// <summary>True when every character fits one byte of the encoding.</summary>
    public static bool CanEncode(string text)
    {
        foreach (char c in text)
        {
            if (c > 0xFF)
                return false;
        }
        return true;
    }
}
