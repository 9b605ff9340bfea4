using Edge.Device.Codec;

namespace Edge.Device.Link.Messages
{
    /// <summary>The board's message with a bad-request, invalid-file or failed status: printable ASCII, at most 200 characters.</summary>
    public sealed class ErrorText : LinkMessage
    {
        public const int MaxLength = 200;

        public string Text = "";

        /// <summary>Writes the text, cut to <see cref="MaxLength"/>, anything unprintable as '?' (it is a message, not data).</summary>
        public override int Write(byte[] b, int at)
        {
            int n = Text.Length > MaxLength ? MaxLength : Text.Length;
            for (int i = 0; i < n; i++)
            {
                char c = Text[i];
                b[at + i] = c >= ' ' && c <= '~' ? (byte)c : (byte)'?';
            }
            return n;
        }

        public override void Read(ByteReader r)
        {
            var chars = new char[r.Remaining];
            for (int i = 0; i < chars.Length; i++) chars[i] = (char)r.ReadByte("message");
            Text = new string(chars);
        }
    }
}
