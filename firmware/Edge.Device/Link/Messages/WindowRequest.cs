using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>`window`: a page of the last window's report, from FirstColumn, at most Count columns (65535: as many as fit).</summary>
    public sealed class WindowRequest : LinkMessage
    {
        public int FirstColumn;
        public int Count = 0xFFFF;

        [HotPath]
        public override int Write(byte[] b, int at)
        {
            int start = at;
            at = FieldWriter.U16(b, at, FirstColumn, "first column");
            at = FieldWriter.U16(b, at, Count, "column count");
            return at - start;
        }

        [HotPath]
        public override void Read(ByteReader r)
        {
            FirstColumn = r.ReadUInt16("first column");
            Count = r.ReadUInt16("column count");
            r.ExpectEnd("window");
        }
    }
}
