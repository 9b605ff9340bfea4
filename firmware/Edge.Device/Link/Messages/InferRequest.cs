using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>`infer`: run the stored vectors FirstSlot .. FirstSlot+Count-1, Repeats times (MLPerf-style timing).</summary>
    public sealed class InferRequest : LinkMessage
    {
        /// <summary>Flag: raise the trigger pin around each inference.</summary>
        public const int TogglePin = 1;

        public int FirstSlot;
        public int Count;
        public int Repeats;
        public int Flags;

        [HotPath]
        public override int Write(byte[] b, int at)
        {
            int start = at;
            at = FieldWriter.U16(b, at, FirstSlot, "first slot");
            at = FieldWriter.U16(b, at, Count, "slot count");
            at = FieldWriter.U16(b, at, Repeats, "repeats");
            at = FieldWriter.U8(b, at, Flags, "flags");
            return at - start;
        }

        [HotPath]
        public override void Read(ByteReader r)
        {
            FirstSlot = r.ReadUInt16("first slot");
            Count = r.ReadUInt16("slot count");
            Repeats = r.ReadUInt16("repeats");
            Flags = r.ReadByte("flags");
            r.ExpectEnd("infer");
        }
    }
}
