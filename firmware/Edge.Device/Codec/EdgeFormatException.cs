using System;

namespace Edge.Device.Codec
{
    /// <summary>A file or frame Edge cannot accept: truncated, corrupt, foreign or of an unknown version.</summary>
    public class EdgeFormatException : Exception
    {
        public EdgeFormatException(string message) : base(message)
        {
        }

        /// <summary>
        /// A field cut short (or, with a negative <paramref name="needed"/>, out of range). The message is put together here, only when it is thrown, so the
        /// readers that throw it allocate nothing on their way through a valid input.
        /// </summary>
        public EdgeFormatException(string source, string field, int needed, int left, int position)
            : base(needed < 0
                ? source + ": " + field + " out of range (at byte " + position.ToString() + ")"
                : source + ": truncated while reading " + field + ": needs " + needed.ToString() + " bytes, " + left.ToString()
                + " left (at byte " + position.ToString() + ")")
        {
        }

        /// <summary>Bytes left over after the last field: a message longer than its fields is as corrupt as a short one.</summary>
        public EdgeFormatException(string source, string what, int trailing, int position)
            : base(source + ": " + trailing.ToString() + " byte(s) after the end of " + what + " (at byte " + position.ToString() + ")")
        {
        }
    }
}
