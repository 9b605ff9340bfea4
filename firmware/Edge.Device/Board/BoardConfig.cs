namespace Edge.Device.Board
{
    /// <summary>What a board build offers, fixed at start: sizes of everything the loop allocates once.</summary>
    public sealed class BoardConfig
    {
        public string FirmwareVersion = "0.1.0";

        public string BoardName = "unknown";

        /// <summary>Largest file an upload can stage (bytes).</summary>
        public int StagingCapacity = 256 * 1024;

        /// <summary>Input vectors kept for `infer` (MLPerf-style runs on uploaded vectors).</summary>
        public int VectorSlots = 16;

        /// <summary>Widest row `rows` accepts.</summary>
        public int MaxRowWidth = 512;

        /// <summary>Largest arena a model may need (0: no limit); a larger model is refused at commit.</summary>
        public int ArenaBudget;

        /// <summary>Responses remembered for repeated request ids.</summary>
        public int ResponseCacheSlots = 4;

        /// <summary>Status telemetry period at start (0: off until the host asks).</summary>
        public int StatusIntervalMs;
    }
}
