using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>With status unsupported-version: the protocol version the board speaks.</summary>
    public sealed class VersionReply : LinkMessage
    {
        public int ProtocolVersion = LinkFrame.ProtocolVersion;

        [HotPath]
        public override int Write(byte[] b, int at)
        {
            return FieldWriter.U8(b, at, ProtocolVersion, "protocol version") - at;
        }

        [HotPath]
        public override void Read(ByteReader r)
        {
            ProtocolVersion = r.ReadByte("protocol version");
            r.ExpectEnd("version reply");
        }
    }
}
