using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>What a board is doing: the `status` reply and telemetry kind 1.</summary>
    public sealed class StatusRecord : LinkMessage
    {
        public const int ModelLoadedFlag = 1;
        public const int ProfileLoadedFlag = 2;

        /// <summary>A window has completed since the drift profile loaded: the window figures mean something.</summary>
        public const int WindowKnownFlag = 4;

        public long UptimeMs;
        public long Samples;
        public long Inferences;
        public long Anomalies;

        /// <summary>Sample values that were missing (NaN) since start: kept out of the histograms.</summary>
        public long MissingValues;

        public long MeanInferenceMicros;
        public long MaxInferenceMicros;
        public long FreeMemory;

        /// <summary>The running model's 8-byte id; all zeros: none.</summary>
        public readonly byte[] ModelId = new byte[8];

        public long WindowsCompleted;
        public int Verdict;
        public bool Alarm;
        public int CaptureState;

        /// <summary>Bits: <see cref="ModelLoadedFlag"/>, <see cref="ProfileLoadedFlag"/>, <see cref="WindowKnownFlag"/>.</summary>
        public int Flags;

        public long FramesRejected;
        public long CrcErrors;
        public long Overlong;
        public long ResentFromCache;
        public long OutOfOrder;

        [HotPath]
        public override int Write(byte[] b, int at)
        {
            int start = at;
            at = FieldWriter.U64(b, at, UptimeMs, "uptime ms");
            at = FieldWriter.U64(b, at, Samples, "samples");
            at = FieldWriter.U64(b, at, Inferences, "inferences");
            at = FieldWriter.U64(b, at, Anomalies, "anomalies");
            at = FieldWriter.U64(b, at, MissingValues, "missing values");
            at = FieldWriter.U32(b, at, MeanInferenceMicros, "mean inference us");
            at = FieldWriter.U32(b, at, MaxInferenceMicros, "max inference us");
            at = FieldWriter.U32(b, at, FreeMemory, "free memory");
            at = FieldWriter.Bytes(b, at, ModelId, 0, 8);
            at = FieldWriter.U32(b, at, WindowsCompleted, "windows completed");
            at = FieldWriter.U8(b, at, Verdict, "verdict");
            at = FieldWriter.U8(b, at, Alarm ? 1 : 0, "alarm");
            at = FieldWriter.U8(b, at, CaptureState, "capture state");
            at = FieldWriter.U8(b, at, Flags, "flags");
            at = FieldWriter.U32Wrapping(b, at, FramesRejected);
            at = FieldWriter.U32Wrapping(b, at, CrcErrors);
            at = FieldWriter.U32Wrapping(b, at, Overlong);
            at = FieldWriter.U32Wrapping(b, at, ResentFromCache);
            at = FieldWriter.U32Wrapping(b, at, OutOfOrder);
            return at - start;
        }

        [HotPath]
        public override void Read(ByteReader r)
        {
            UptimeMs = r.ReadInt64("uptime ms");
            Samples = r.ReadInt64("samples");
            Inferences = r.ReadInt64("inferences");
            Anomalies = r.ReadInt64("anomalies");
            MissingValues = r.ReadInt64("missing values");
            MeanInferenceMicros = r.ReadUInt32("mean inference us");
            MaxInferenceMicros = r.ReadUInt32("max inference us");
            FreeMemory = r.ReadUInt32("free memory");
            r.ReadBytes(ModelId, 0, 8, "model id");
            WindowsCompleted = r.ReadUInt32("windows completed");
            Verdict = r.ReadByte("verdict");
            Alarm = r.ReadByte("alarm") != 0;
            CaptureState = r.ReadByte("capture state");
            Flags = r.ReadByte("flags");
            FramesRejected = r.ReadUInt32("frames rejected");
            CrcErrors = r.ReadUInt32("CRC errors");
            Overlong = r.ReadUInt32("overlong runs");
            ResentFromCache = r.ReadUInt32("resent from cache");
            OutOfOrder = r.ReadUInt32("out of order");
            r.ExpectEnd("status record");
        }
    }
}
