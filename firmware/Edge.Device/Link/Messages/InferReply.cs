using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>
    /// `infer`, board to host: the run's timing (board microseconds) and, per vector, the outputs
    /// of its last repeat. The board writes outputs straight into the frame as it computes them
    /// (<see cref="WriteOutput"/>); a reader gets them in <see cref="Outputs"/>.
    /// </summary>
    public sealed class InferReply : LinkMessage
    {
        /// <summary>Bytes before the outputs.</summary>
        public const int HeaderBytes = 16;

        public long Inferences;
        public long TotalMicros;
        public long MinMicros;
        public long MaxMicros;

        /// <summary>Outputs[0 .. OutputCount), vector after vector.</summary>
        public float[] Outputs = new float[0];
        public int OutputCount;

        /// <summary>Outputs that fit one frame.</summary>
        public const int MaxOutputs = (LinkFrame.MaxPayload - HeaderBytes) / 4;

        /// <summary>Writes the header and <see cref="Outputs"/>; a board instead writes the header with OutputCount 0 after <see cref="WriteOutput"/>.</summary>
        [NoAlloc]
        public override int Write(byte[] b, int at)
        {
            int start = at;
            at = FieldWriter.U32(b, at, Inferences, "inferences");
            at = FieldWriter.U32(b, at, TotalMicros, "total us");
            at = FieldWriter.U32(b, at, MinMicros, "min us");
            at = FieldWriter.U32(b, at, MaxMicros, "max us");
            for (int i = 0; i < OutputCount; i++) at = FieldWriter.F32(b, at, Outputs[i]);
            return at - start;
        }

        /// <summary>Writes output `index` into a reply whose payload starts at `payloadAt`.</summary>
        [NoAlloc]
        public static void WriteOutput(byte[] b, int payloadAt, int index, float value)
        {
            FieldWriter.F32(b, payloadAt + HeaderBytes + 4 * index, value);
        }

        public override void Read(ByteReader r)
        {
            Inferences = r.ReadUInt32("inferences");
            TotalMicros = r.ReadUInt32("total us");
            MinMicros = r.ReadUInt32("min us");
            MaxMicros = r.ReadUInt32("max us");
            OutputCount = r.Remaining / 4;
            if (Outputs.Length < OutputCount) Outputs = new float[OutputCount];
            for (int i = 0; i < OutputCount; i++) Outputs[i] = r.ReadSingle("output");
            r.ExpectEnd("infer reply");
        }
    }
}
