using Edge.Device.Inference;

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

        /// <summary>
        /// The pipeline window: requests a host may keep in flight, each answer kept for a resend.
        /// Each slot holds one encoded frame (LinkFrame.MaxEncoded, about 1.05 KB): 4 slots cost
        /// about 4.2 KB, which a 60 KB nanoFramework heap affords; 1 is stop-and-wait.
        /// </summary>
        public int ResponseCacheSlots = 4;

        /// <summary>The firmware has native (C) kernels beside the managed ones: set by the board app, reported in hello.</summary>
        public bool NativeKernels;

        /// <summary>
        /// The kernels loaded models run on; null takes <see cref="Int8Kernels.Default"/>
        /// (native where the firmware has them). The host's simulated board sets its SIMD set here.
        /// </summary>
        public Int8Kernels Kernels;

        /// <summary>Status telemetry period at start (0: off until the host asks).</summary>
        public int StatusIntervalMs;
    }
}
