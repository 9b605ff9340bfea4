namespace Edge.TestSupport;

/// <summary>
/// Golden bytes written as commented hex, one field per line: <c>02 00   // u16 count: what it counts</c>.
/// A comment starting with <c>*</c> marks a field that repeats (the lines of one repeated field
/// carry the same comment, or only <c>*</c> after the first). Specs are generated from these
/// lines (<see cref="Fields"/>), so the golden bytes, the codec and the spec cannot disagree.
/// </summary>
public static class GoldenHex
{
    /// <summary>One line of a golden: its bytes and its comment.</summary>
    public sealed record Line(byte[] Bytes, string Comment)
    {
        public bool Repeated => Comment.StartsWith('*');

        /// <summary>The field's description without the repetition mark.</summary>
        public string Field => Repeated ? Comment[1..].Trim() : Comment;
    }

    public static byte[] Parse(string text) => Lines(text).SelectMany(l => l.Bytes).ToArray();

    public static IReadOnlyList<Line> Lines(string text)
    {
        var lines = new List<Line>();
        foreach (var raw in text.Split('\n'))
        {
            int comment = raw.IndexOf("//", StringComparison.Ordinal);
            string hex = (comment >= 0 ? raw[..comment] : raw).Replace(" ", "").Replace("\r", "");
            string note = comment >= 0 ? raw[(comment + 2)..].Trim() : "";
            if (hex.Length == 0 && note.Length == 0) continue;
            lines.Add(new Line(Convert.FromHexString(hex), note));
        }
        return lines;
    }

    public static string Format(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
