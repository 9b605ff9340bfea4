using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>`capture-info`, board to host: the retraining capture (Drift.CaptureState), its size, and the window it froze at (0: not frozen).</summary>
    public sealed class CaptureInfo : LinkMessage
    {
        public int State;
        public int Rows;
        public int Columns;
        public long FrozenAtWindow;

        [HotPath]
        public override int Write(byte[] b, int at)
        {
            int start = at;
            at = FieldWriter.U8(b, at, State, "state");
            at = FieldWriter.U16(b, at, Rows, "rows held");
            at = FieldWriter.U16(b, at, Columns, "columns");
            at = FieldWriter.U32(b, at, FrozenAtWindow, "frozen at window");
            return at - start;
        }

        [HotPath]
        public override void Read(ByteReader r)
        {
            State = r.ReadByte("state");
            Rows = r.ReadUInt16("rows held");
            Columns = r.ReadUInt16("columns");
            FrozenAtWindow = r.ReadUInt32("frozen at window");
            r.ExpectEnd("capture info");
        }
    }
}
