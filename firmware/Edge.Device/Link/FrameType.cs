using Edge.Device.Runtime;

namespace Edge.Device.Link
{
    /// <summary>What a frame is.</summary>
    public static class FrameType
    {
        /// <summary>Host to board: a command; the board answers with a response carrying the same request id.</summary>
        public const byte Request = 1;

        /// <summary>Board to host: the answer to a request.</summary>
        public const byte Response = 2;

        /// <summary>Board to host, unsolicited: periodic state and window reports (not acknowledged; gaps show in the sequence numbers).</summary>
        public const byte Telemetry = 3;

        [HotPath]
        public static bool IsValid(byte type)
        {
            return type >= Request && type <= Telemetry;
        }
    }
}
