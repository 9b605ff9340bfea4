using System;
using Edge.Device.Runtime;

namespace Edge.Device.Codec
{
    /// <summary>
    /// A bounds-checked little-endian cursor over a byte array, for parsing files and frames.
    /// Every read names the field it was after, so a truncated or corrupt input fails with a
    /// message that says what and where, never with an index error. <see cref="Reset"/> points
    /// one reader at the next frame, so a board reads every frame without allocating.
    /// </summary>
    public sealed class ByteReader
    {
        private byte[] _data;
        private int _end;
        private string _source;
        private int _position;

        /// <summary>An empty reader, to be pointed at data with <see cref="Reset"/>.</summary>
        public ByteReader()
        {
            _data = new byte[0];
            _source = "";
        }

        public ByteReader(byte[] data, int offset, int count, string source)
        {
            Reset(data, offset, count, source);
        }

        /// <summary>Reads data[offset .. offset+count) next; <paramref name="source"/> names it in errors.</summary>
        [HotPath]
        public void Reset(byte[] data, int offset, int count, string source)
        {
            if (data == null) throw new ArgumentNullException("data");
            if (offset < 0 || count < 0 || offset + count > data.Length)
                throw new ArgumentOutOfRangeException("count");
            _data = data;
            _position = offset;
            _end = offset + count;
            _source = source;
        }

        public int Position { [HotPath] get { return _position; } }

        public int Remaining { [HotPath] get { return _end - _position; } }

        /// <summary>The array being read (for readers that leave bulk data where it is).</summary>
        public byte[] Data { [HotPath] get { return _data; } }

        [HotPath]
        public byte ReadByte(string field)
        {
            Need(1, field);
            return _data[_position++];
        }

        [HotPath]
        public ushort ReadUInt16(string field)
        {
            Need(2, field);
            ushort v = LittleEndian.ReadUInt16(_data, _position);
            _position += 2;
            return v;
        }

        [HotPath]
        public short ReadInt16(string field)
        {
            return (short)ReadUInt16(field);
        }

        [HotPath]
        public int ReadInt32(string field)
        {
            Need(4, field);
            int v = LittleEndian.ReadInt32(_data, _position);
            _position += 4;
            return v;
        }

        [HotPath]
        public uint ReadUInt32(string field)
        {
            return (uint)ReadInt32(field);
        }

        /// <summary>A u32 that must also fit an int (a size or count): larger values fail, naming the field.</summary>
        [HotPath]
        public int ReadUInt31(string field)
        {
            int v = ReadInt32(field);
            if (v < 0) throw new EdgeFormatException(_source, field, -1, 0, _position - 4);
            return v;
        }

        [HotPath]
        public long ReadInt64(string field)
        {
            Need(8, field);
            long v = LittleEndian.ReadInt64(_data, _position);
            _position += 8;
            return v;
        }

        /// <summary>An IEEE-754 single, little-endian (every board Edge targets is little-endian).</summary>
        [NoAlloc]
        public float ReadSingle(string field)
        {
            Need(4, field);
            float v = BitConverter.ToSingle(_data, _position);
            _position += 4;
            return v;
        }

        /// <summary>Copies count bytes into destination at destinationOffset.</summary>
        [HotPath]
        public void ReadBytes(byte[] destination, int destinationOffset, int count, string field)
        {
            Need(count, field);
            Array.Copy(_data, _position, destination, destinationOffset, count);
            _position += count;
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

        [HotPath]
        public void Skip(int count, string field)
        {
            Need(count, field);
            _position += count;
        }

        /// <summary>Fails unless every byte was read: a message longer than its fields is as corrupt as a short one.</summary>
        [HotPath]
        public void ExpectEnd(string what)
        {
            if (_position != _end) throw new EdgeFormatException(_source, what, _end - _position, _position);
        }

        /// <summary>An error that names the source, the byte offset and the problem.</summary>
        public EdgeFormatException Fail(string problem)
        {
            return new EdgeFormatException(_source + ": " + problem + " (at byte " + _position.ToString() + ")");
        }

        [HotPath]
        private void Need(int count, string field)
        {
            if (count < 0 || _end - _position < count)
                throw new EdgeFormatException(_source, field, count, _end - _position, _position);
        }
    }
}
