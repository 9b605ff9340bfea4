using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>With status stale-session: the session the board is in (0: none, it restarted since).</summary>
    public sealed class StaleSessionReply : LinkMessage
    {
        public uint BoardSession;

        [HotPath]
        public override int Write(byte[] b, int at)
        {
            return FieldWriter.U32(b, at, BoardSession, "board session") - at;
        }

        [HotPath]
        public override void Read(ByteReader r)
        {
            BoardSession = r.ReadUInt32("board session");
            r.ExpectEnd("stale-session reply");
        }
    }
}
