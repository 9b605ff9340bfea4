namespace Edge.Device.Link
{
    /// <summary>
    /// Layout of a link frame before COBS encoding (spec: firmware/docs/link-protocol.md). All
    /// integers little-endian; the CRC-32 covers every byte before it.
    /// <code>
    ///  0 u8  protocol version      1 u8  frame type      2 u16 sequence number
    ///  4 u32 session id            8 u16 request id     10 u8  command     11 u8 status
    /// 12 u16 payload length       14 ... payload         end-4 u32 CRC-32
    /// </code>
    /// </summary>
    public static class LinkFrame
    {
        /// <summary>2: sessions and pipelining (version 1 had neither, and no session id in the header).</summary>
        public const byte ProtocolVersion = 2;

        public const int VersionAt = 0;
        public const int TypeAt = 1;
        public const int SequenceAt = 2;
        public const int SessionAt = 4;
        public const int RequestIdAt = 8;
        public const int CommandAt = 10;
        public const int StatusAt = 11;
        public const int LengthAt = 12;
        public const int PayloadAt = 14;

        /// <summary>Header and CRC around the payload.</summary>
        public const int Overhead = PayloadAt + 4;

        /// <summary>Largest payload either side sends.</summary>
        public const int MaxPayload = 1024;

        public const int MaxFrame = MaxPayload + Overhead;

        /// <summary>Largest encoded frame on the wire, delimiter included.</summary>
        public const int MaxEncoded = MaxFrame + MaxFrame / 254 + 2;

        /// <summary>Frame delimiter on the wire.</summary>
        public const byte Delimiter = 0;

        /// <summary>The session id of a board no host has opened a session with (and of telemetry before any).</summary>
        public const uint NoSession = 0;
    }
}
