using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>`upload-status`, board to host: the staged upload (kind 0: none).</summary>
    public sealed class UploadStatusReply : LinkMessage
    {
        public int Kind;
        public int Length;
        public uint Crc;
        public int Offset;

        [HotPath]
        public override int Write(byte[] b, int at)
        {
            int start = at;
            at = FieldWriter.U8(b, at, Kind, "kind");
            at = FieldWriter.U32(b, at, Length, "length");
            at = FieldWriter.U32(b, at, Crc, "CRC-32");
            at = FieldWriter.U32(b, at, Offset, "offset");
            return at - start;
        }

        [HotPath]
        public override void Read(ByteReader r)
        {
            Kind = r.ReadByte("kind");
            Length = r.ReadUInt31("length");
            Crc = r.ReadUInt32("CRC-32");
            Offset = r.ReadUInt31("offset");
            r.ExpectEnd("upload-status reply");
        }
    }
}
