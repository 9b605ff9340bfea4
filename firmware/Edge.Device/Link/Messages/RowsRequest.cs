using System;
using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>
    /// `rows`: sample rows (each as wide as configure-rows said), with where they belong: the
    /// session's row position of the first one, and the windows the host knows to be completed.
    /// A board takes rows only when both match its own count, so a request sent before the host
    /// saw a window close, or after rows that were not taken, is refused rather than applied out
    /// of order. The values stay in the frame: <see cref="CopyRow"/> reads one row out.
    /// </summary>
    public sealed class RowsRequest : LinkMessage
    {
        /// <summary>Header bytes before the values.</summary>
        public const int HeaderBytes = 10;

        public long FirstRow;
        public long Windows;
        public int Count;

        /// <summary>Writing: values row after row, Values[ValuesOffset ..], Count x Width of them.</summary>
        public float[] Values = new float[0];
        public int ValuesOffset;
        public int Width;

        /// <summary>Read: where the values start in <see cref="Buffer"/>, and how many there are.</summary>
        public byte[] Buffer = new byte[0];
        public int ValuesAt;
        public int ValueCount;

        /// <summary>Rows of this width that fit one frame.</summary>
        [HotPath]
        public static int RowsPerFrame(int width)
        {
            int rows = (LinkFrame.MaxPayload - HeaderBytes) / (4 * width);
            return rows < 1 ? 0 : rows;
        }

        [NoAlloc]
        public override int Write(byte[] b, int at)
        {
            int start = at;
            at = FieldWriter.U32(b, at, FirstRow, "first row");
            at = FieldWriter.U32(b, at, Windows, "windows");
            at = FieldWriter.U16(b, at, Count, "row count");
            int values = Count * Width;
            for (int i = 0; i < values; i++) at = FieldWriter.F32(b, at, Values[ValuesOffset + i]);
            return at - start;
        }

        [HotPath]
        public override void Read(ByteReader r)
        {
            FirstRow = r.ReadUInt32("first row");
            Windows = r.ReadUInt32("windows");
            Count = r.ReadUInt16("row count");
            Buffer = r.Data;
            ValuesAt = r.Position;
            ValueCount = r.Remaining / 4;
            r.Skip(ValueCount * 4, "row values");
            r.ExpectEnd("rows");
        }

        /// <summary>Row `row` of width `width`: its floats, and the same values as IEEE-754 bits (tree models compare those).</summary>
        [NoAlloc]
        public void CopyRow(int row, int width, float[] floats, int[] bits)
        {
            int p = ValuesAt + row * width * 4;
            for (int i = 0; i < width; i++)
            {
                bits[i] = LittleEndian.ReadInt32(Buffer, p);
                floats[i] = BitConverter.ToSingle(Buffer, p);
                p += 4;
            }
        }
    }
}
