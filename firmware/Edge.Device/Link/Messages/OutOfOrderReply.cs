using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>With status out-of-order: the request id the board runs next, so the host resends from there at once.</summary>
    public sealed class OutOfOrderReply : LinkMessage
    {
        public int ExpectedId;

        [HotPath]
        public override int Write(byte[] b, int at)
        {
            return FieldWriter.U16(b, at, ExpectedId, "expected request id") - at;
        }

        [HotPath]
        public override void Read(ByteReader r)
        {
            ExpectedId = r.ReadUInt16("expected request id");
            r.ExpectEnd("out-of-order reply");
        }
    }
}
