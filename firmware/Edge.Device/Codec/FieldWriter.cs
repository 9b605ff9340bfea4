using System;
using Edge.Device.Runtime;

namespace Edge.Device.Codec
{
    /// <summary>
    /// Little-endian writes of named fields that refuse a value their field cannot hold, instead
    /// of casting it: a count of 1,000,000 sent as a u16 would arrive as 16,960. Each returns the
    /// position after the field, so a message writes its fields in order, one line each.
    /// </summary>
    public static class FieldWriter
    {
        [HotPath]
        public static int U8(byte[] b, int at, int value, string field)
        {
            if (value < 0 || value > 0xFF) throw new ArgumentOutOfRangeException(field, "does not fit a u8 (0 to 255)");
            b[at] = (byte)value;
            return at + 1;
        }

        [HotPath]
        public static int U16(byte[] b, int at, int value, string field)
        {
            if (value < 0 || value > 0xFFFF) throw new ArgumentOutOfRangeException(field, "does not fit a u16 (0 to 65535)");
            LittleEndian.WriteUInt16(b, at, (ushort)value);
            return at + 2;
        }

        [HotPath]
        public static int I16(byte[] b, int at, int value, string field)
        {
            if (value < -0x8000 || value > 0x7FFF) throw new ArgumentOutOfRangeException(field, "does not fit an i16 (-32768 to 32767)");
            LittleEndian.WriteUInt16(b, at, (ushort)value);
            return at + 2;
        }

        /// <summary>A u32 from a long, so counters that outgrow an int are written, not wrapped.</summary>
        [HotPath]
        public static int U32(byte[] b, int at, long value, string field)
        {
            if (value < 0 || value > 0xFFFFFFFFL) throw new ArgumentOutOfRangeException(field, "does not fit a u32");
            LittleEndian.WriteUInt32(b, at, (uint)value);
            return at + 4;
        }

        /// <summary>A u64 from a long (counters that must not wrap); negative values are refused.</summary>
        [HotPath]
        public static int U64(byte[] b, int at, long value, string field)
        {
            if (value < 0) throw new ArgumentOutOfRangeException(field, "is negative");
            LittleEndian.WriteInt64(b, at, value);
            return at + 8;
        }

        /// <summary>A u32 that counts up and wraps on purpose (uptime, sequence-like counters).</summary>
        [HotPath]
        public static int U32Wrapping(byte[] b, int at, long value)
        {
            LittleEndian.WriteUInt32(b, at, (uint)value);
            return at + 4;
        }

        [HotPath]
        public static int I32(byte[] b, int at, int value)
        {
            LittleEndian.WriteInt32(b, at, value);
            return at + 4;
        }

        [NoAlloc]
        public static int F32(byte[] b, int at, float value)
        {
            FloatBits.Write(b, at, value);
            return at + 4;
        }

        /// <summary>Raw bytes: source[from .. from+count).</summary>
        [HotPath]
        public static int Bytes(byte[] b, int at, byte[] source, int from, int count)
        {
            Array.Copy(source, from, b, at, count);
            return at + count;
        }

        /// <summary>A length byte and printable ASCII; anything else would not read back (see ByteReader.ReadShortString).</summary>
        public static int ShortString(byte[] b, int at, string text, string field)
        {
            int n = text.Length;
            if (n > 255) throw new ArgumentOutOfRangeException(field, "longer than 255 characters");
            b[at] = (byte)n;
            for (int i = 0; i < n; i++)
            {
                char c = text[i];
                if (c < ' ' || c > '~') throw new ArgumentOutOfRangeException(field, "not printable ASCII");
                b[at + 1 + i] = (byte)c;
            }
            return at + 1 + n;
        }
    }
}
