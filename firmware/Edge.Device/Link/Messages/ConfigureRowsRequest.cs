using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>
    /// `configure-rows`: how the rows that follow are laid out: their width, where the model input
    /// starts, the anomaly rule (Board.AnomalyRule) and threshold, and which row value feeds each
    /// drift column (-1: the model's first output; -2: its predicted class).
    /// </summary>
    public sealed class ConfigureRowsRequest : LinkMessage
    {
        public int Width;
        public int ModelInputStart;
        public int Rule;
        public float Threshold;

        /// <summary>Drift sources: Sources[0 .. SourceCount). Grows once on a board when a wider layout arrives.</summary>
        public short[] Sources = new short[0];
        public int SourceCount;

        [NoAlloc]
        public override int Write(byte[] b, int at)
        {
            int start = at;
            at = FieldWriter.U16(b, at, Width, "row width");
            at = FieldWriter.U16(b, at, ModelInputStart, "model input start");
            at = FieldWriter.U8(b, at, Rule, "anomaly rule");
            at = FieldWriter.F32(b, at, Threshold);
            at = FieldWriter.U16(b, at, SourceCount, "drift column count");
            for (int c = 0; c < SourceCount; c++) at = FieldWriter.I16(b, at, Sources[c], "drift column source");
            return at - start;
        }

        // Not [NoAlloc]: a wider layout than any before grows Sources (configuration, not per frame).
        public override void Read(ByteReader r)
        {
            Width = r.ReadUInt16("row width");
            ModelInputStart = r.ReadUInt16("model input start");
            Rule = r.ReadByte("anomaly rule");
            Threshold = r.ReadSingle("anomaly threshold");
            SourceCount = r.ReadUInt16("drift column count");
            if (Sources.Length < SourceCount) Sources = new short[SourceCount];
            for (int c = 0; c < SourceCount; c++) Sources[c] = r.ReadInt16("drift column source");
            r.ExpectEnd("configure-rows");
        }
    }
}
