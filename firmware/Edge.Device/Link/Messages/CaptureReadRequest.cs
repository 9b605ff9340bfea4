using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>`capture-read`: rows FirstRow .. of the capture, at most Count (the board sends as many as fit a frame).</summary>
    public sealed class CaptureReadRequest : LinkMessage
    {
        public int FirstRow;
        public int Count;

        [HotPath]
        public override int Write(byte[] b, int at)
        {
            int start = at;
            at = FieldWriter.U16(b, at, FirstRow, "first row");
            at = FieldWriter.U16(b, at, Count, "row count");
            return at - start;
        }

        [HotPath]
        public override void Read(ByteReader r)
        {
            FirstRow = r.ReadUInt16("first row");
            Count = r.ReadUInt16("row count");
            r.ExpectEnd("capture-read");
        }
    }
}
