using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>
    /// Where an upload stands: the offset to continue from (the reply to upload-begin and
    /// upload-chunk; with status bad-offset, the offset the board expects; with too-large, the
    /// board's staging capacity).
    /// </summary>
    public sealed class UploadOffset : LinkMessage
    {
        public int Offset;

        [HotPath]
        public override int Write(byte[] b, int at)
        {
            return FieldWriter.U32(b, at, Offset, "offset") - at;
        }

        [HotPath]
        public override void Read(ByteReader r)
        {
            Offset = r.ReadUInt31("offset");
            r.ExpectEnd("upload offset");
        }
    }
}
