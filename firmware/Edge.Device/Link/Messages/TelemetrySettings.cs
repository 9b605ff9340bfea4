using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>`telemetry`: what the board sends unasked in this session: status every so often, window reports as windows close.</summary>
    public sealed class TelemetrySettings : LinkMessage
    {
        public const int WindowReportsFlag = 1;

        /// <summary>Status period in milliseconds (0: no status telemetry).</summary>
        public int StatusIntervalMs;
        public int Flags;

        public bool WindowReports { get { return (Flags & WindowReportsFlag) != 0; } }

        [HotPath]
        public override int Write(byte[] b, int at)
        {
            int start = at;
            at = FieldWriter.U16(b, at, StatusIntervalMs, "status interval ms");
            at = FieldWriter.U8(b, at, Flags, "flags");
            return at - start;
        }

        [HotPath]
        public override void Read(ByteReader r)
        {
            StatusIntervalMs = r.ReadUInt16("status interval ms");
            Flags = r.ReadByte("flags");
            r.ExpectEnd("telemetry settings");
        }
    }
}
