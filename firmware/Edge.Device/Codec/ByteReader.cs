using System;

namespace Edge.Device.Codec
{
    /// <summary>
    /// A bounds-checked little-endian cursor over a byte array, for parsing files and frames
    /// at load time. Every read names the field it was after, so a truncated or corrupt input
    /// fails with a message that says what and where, never with an index error.
    /// </summary>
    public sealed class ByteReader
    {
        private readonly byte[] _data;
        private readonly int _end;
        private readonly string _source;
        private int _position;

        public ByteReader(byte[] data, int offset, int count, string source)
        {
            if (data == null) throw new ArgumentNullException("data");
            if (offset < 0 || count < 0 || offset + count > data.Length)
                throw new ArgumentOutOfRangeException("count");
            _data = data;
            _position = offset;
            _end = offset + count;
            _source = source;
        }

        public int Position { get { return _position; } }

        public int Remaining { get { return _end - _position; } }

        public byte ReadByte(string field)
        {
            Need(1, field);
            return _data[_position++];
        }

        public ushort ReadUInt16(string field)
        {
            Need(2, field);
            ushort v = LittleEndian.ReadUInt16(_data, _position);
            _position += 2;
            return v;
        }

        public int ReadInt32(string field)
        {
            Need(4, field);
            int v = LittleEndian.ReadInt32(_data, _position);
            _position += 4;
            return v;
        }

        public uint ReadUInt32(string field)
        {
            return (uint)ReadInt32(field);
        }

        public long ReadInt64(string field)
        {
            Need(8, field);
            long v = LittleEndian.ReadInt64(_data, _position);
            _position += 8;
            return v;
        }

        /// <summary>Reads a UTF-8 string stored as a one-byte length and the bytes (names are ASCII in practice).</summary>
        public string ReadShortString(string field)
        {
            int length = ReadByte(field);
            Need(length, field);
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte c = _data[_position + i];
                if (c < 0x20 || c > 0x7E) throw Fail("non-printable character in " + field);
                chars[i] = (char)c;
            }
            _position += length;
            return new string(chars);
        }

        public void Skip(int count, string field)
        {
            Need(count, field);
            _position += count;
        }

        /// <summary>An error that names the source, the byte offset and the problem.</summary>
        public EdgeFormatException Fail(string problem)
        {
            return new EdgeFormatException(_source + ": " + problem + " (at byte " + _position.ToString() + ")");
        }

        private void Need(int count, string field)
        {
            if (count < 0 || _end - _position < count)
                throw Fail("truncated while reading " + field + ": needs " + count.ToString() + " bytes, " + (_end - _position).ToString() + " left");
        }
    }
}
