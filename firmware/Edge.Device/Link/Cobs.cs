using Edge.Device.Runtime;

namespace Edge.Device.Link
{
    /// <summary>
    /// Consistent Overhead Byte Stuffing (Cheshire and Baker, 1999): rewrites a frame so it holds no
    /// zero byte, at a cost of one byte per 254, so a zero can delimit frames on a byte stream. A
    /// receiver that lost sync waits for the next zero and is back in step with the next frame.
    /// </summary>
    public static class Cobs
    {
        /// <summary>Worst-case encoded length of <paramref name="length"/> bytes (without the delimiter).</summary>
        [HotPath]
        public static int MaxEncodedLength(int length)
        {
            return length + length / 254 + 1;
        }

        /// <summary>Encodes source[offset..offset+count) into destination at destinationOffset; returns the bytes written (no delimiter).</summary>
        [HotPath]
        public static int Encode(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            int codeAt = destinationOffset;
            int write = destinationOffset + 1;
            byte code = 1;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                byte b = source[i];
                if (b == 0)
                {
                    destination[codeAt] = code;
                    codeAt = write++;
                    code = 1;
                    continue;
                }
                destination[write++] = b;
                // A full block (254 data bytes) closes; a new one opens only if input remains,
                // so a frame ending on a full block has no extra code byte (the canonical form).
                if (++code == 0xFF && i + 1 < end)
                {
                    destination[codeAt] = code;
                    codeAt = write++;
                    code = 1;
                }
            }
            destination[codeAt] = code;
            return write - destinationOffset;
        }

        /// <summary>
        /// Decodes in place-safe fashion into destination; returns the decoded length, or -1 when the
        /// input is not valid COBS (a zero inside, or a code pointing past the end).
        /// </summary>
        [HotPath]
        public static int Decode(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            int read = offset;
            int end = offset + count;
            int write = destinationOffset;
            while (read < end)
            {
                int code = source[read++];
                if (code == 0 || read + code - 1 > end) return -1;
                for (int i = 1; i < code; i++)
                {
                    byte b = source[read++];
                    if (b == 0) return -1;
                    destination[write++] = b;
                }
                if (code != 0xFF && read < end) destination[write++] = 0;
            }
            return write - destinationOffset;
        }
    }
}
