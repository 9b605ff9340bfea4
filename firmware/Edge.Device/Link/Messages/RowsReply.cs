using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>
    /// `rows`, board to host: what the board took. It stops after a row that completes a drift
    /// window, so the host reads every window's report before the next one closes. With status
    /// bad-offset nothing was taken, and the fields say where the board stands.
    /// </summary>
    public sealed class RowsReply : LinkMessage
    {
        public int Taken;
        public long Samples;
        public long WindowsCompleted;

        /// <summary>The session's row position after these rows: where the next rows request starts.</summary>
        public long NextRow;

        [HotPath]
        public override int Write(byte[] b, int at)
        {
            int start = at;
            at = FieldWriter.U16(b, at, Taken, "rows taken");
            at = FieldWriter.U64(b, at, Samples, "samples seen");
            at = FieldWriter.U32(b, at, WindowsCompleted, "windows completed");
            at = FieldWriter.U32(b, at, NextRow, "next row");
            return at - start;
        }

        [HotPath]
        public override void Read(ByteReader r)
        {
            Taken = r.ReadUInt16("rows taken");
            Samples = r.ReadInt64("samples seen");
            WindowsCompleted = r.ReadUInt32("windows completed");
            NextRow = r.ReadUInt32("next row");
            r.ExpectEnd("rows reply");
        }
    }
}
