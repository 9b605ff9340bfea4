using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>`upload-commit`, board to host: what now runs (the model id is zeros for a drift profile).</summary>
    public sealed class UploadCommitReply : LinkMessage
    {
        public int Kind;
        public readonly byte[] ModelId = new byte[8];
        public int Length;

        [HotPath]
        public override int Write(byte[] b, int at)
        {
            int start = at;
            at = FieldWriter.U8(b, at, Kind, "kind");
            at = FieldWriter.Bytes(b, at, ModelId, 0, 8);
            at = FieldWriter.U32(b, at, Length, "length");
            return at - start;
        }

        [HotPath]
        public override void Read(ByteReader r)
        {
            Kind = r.ReadByte("kind");
            r.ReadBytes(ModelId, 0, 8, "model id");
            Length = r.ReadUInt31("length");
            r.ExpectEnd("upload-commit reply");
        }
    }
}
