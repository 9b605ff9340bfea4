namespace Edge.PlcBridge.Publishing;

/// <summary>Makes any text fit a PLC STRING(n): single-byte characters, no control characters, cut to n.</summary>
internal static class PlcText
{
    public static string Fit(string? text, int length)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        Span<char> fitted = stackalloc char[Math.Min(text.Length, length)];
        for (int i = 0; i < fitted.Length; i++)
        {
            char c = text[i];
            // A NUL would end the string early in the PLC; line breaks and other controls become blanks.
            fitted[i] = c > 0xFF ? '?' : char.IsControl(c) ? ' ' : c;
        }
        if (text.Length > length && length > 3)
            "...".AsSpan().CopyTo(fitted[^3..]);
        return new string(fitted);
    }
}
