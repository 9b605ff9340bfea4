using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>
    /// `capture-read`, board to host: captured rows, each its sample number, whether it was
    /// anomalous, and one int per profile column in the profile's fixed point (int.MinValue:
    /// missing). A board writes rows straight from its capture (<see cref="WriteRow"/>).
    /// </summary>
    public sealed class CapturePage : LinkMessage
    {
        /// <summary>Columns per row: the reader must know it (from capture-info).</summary>
        public int Columns;
        public int Count;
        public long[] Samples = new long[0];
        public bool[] Anomalous = new bool[0];

        /// <summary>Values[row * Columns + column].</summary>
        public int[] Values = new int[0];

        [HotPath]
        public static int RowBytes(int columns)
        {
            return 4 + 1 + 4 * columns;
        }

        [HotPath]
        public static int WriteRow(byte[] b, int at, long sample, bool anomalous, int[] values, int from, int columns)
        {
            at = FieldWriter.U32Wrapping(b, at, sample);
            at = FieldWriter.U8(b, at, anomalous ? 1 : 0, "anomalous");
            for (int c = 0; c < columns; c++) at = FieldWriter.I32(b, at, values[from + c]);
            return at;
        }

        [HotPath]
        public override int Write(byte[] b, int at)
        {
            int start = at;
            for (int i = 0; i < Count; i++) at = WriteRow(b, at, Samples[i], Anomalous[i], Values, i * Columns, Columns);
            return at - start;
        }

        public override void Read(ByteReader r)
        {
            int rowBytes = RowBytes(Columns);
            if (r.Remaining % rowBytes != 0) throw r.Fail(r.Remaining.ToString() + " bytes are not whole rows of " + Columns.ToString() + " columns");
            Count = r.Remaining / rowBytes;
            Samples = new long[Count];
            Anomalous = new bool[Count];
            Values = new int[Count * Columns];
            for (int i = 0; i < Count; i++)
            {
                Samples[i] = r.ReadUInt32("sample number");
                Anomalous[i] = r.ReadByte("anomalous") != 0;
                for (int c = 0; c < Columns; c++) Values[i * Columns + c] = r.ReadInt32("value");
            }
            r.ExpectEnd("capture page");
        }
    }
}
