using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>`upload-begin`: what is coming (Board.UploadKind), how long it is and its CRC-32.</summary>
    public sealed class UploadBeginRequest : LinkMessage
    {
        public int Kind;
        public int Length;
        public uint Crc;

        [HotPath]
        public override int Write(byte[] b, int at)
        {
            int start = at;
            at = FieldWriter.U8(b, at, Kind, "kind");
            at = FieldWriter.U32(b, at, Length, "length");
            at = FieldWriter.U32(b, at, Crc, "CRC-32");
            return at - start;
        }

        [HotPath]
        public override void Read(ByteReader r)
        {
            Kind = r.ReadByte("kind");
            Length = r.ReadUInt31("length");
            Crc = r.ReadUInt32("CRC-32");
            r.ExpectEnd("upload-begin");
        }
    }
}
