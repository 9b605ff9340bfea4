namespace Edge.Ads.Tests.Support;

/// <summary>Golden bytes written as hex with spaces and comments: <c>"02 00 // command"</c> per line.</summary>
internal static class Hex
{
    public static byte[] Parse(string text)
    {
        var digits = string.Concat(text.Split('\n').Select(line =>
        {
            int comment = line.IndexOf("//", StringComparison.Ordinal);
            return (comment >= 0 ? line[..comment] : line).Replace(" ", "").Replace("\r", "");
        }));
        return Convert.FromHexString(digits);
    }

    public static string Format(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
