using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>
    /// `upload-chunk`: bytes of the file at an offset. The bytes are not copied out of the frame:
    /// after <see cref="Read"/>, <see cref="Data"/>[<see cref="DataOffset"/> ..] are the chunk.
    /// </summary>
    public sealed class UploadChunkRequest : LinkMessage
    {
        /// <summary>Header bytes before the data.</summary>
        public const int HeaderBytes = 4;

        public int Offset;
        public byte[] Data = new byte[0];
        public int DataOffset;
        public int DataLength;

        [HotPath]
        public override int Write(byte[] b, int at)
        {
            int start = at;
            at = FieldWriter.U32(b, at, Offset, "offset");
            at = FieldWriter.Bytes(b, at, Data, DataOffset, DataLength);
            return at - start;
        }

        [HotPath]
        public override void Read(ByteReader r)
        {
            Offset = r.ReadUInt31("offset");
            Data = r.Data;
            DataOffset = r.Position;
            DataLength = r.Remaining;
            r.Skip(DataLength, "data");
        }
    }
}
