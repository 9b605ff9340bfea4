namespace Edge.Device.Link
{
    /// <summary>
    /// Layout of a link frame before COBS encoding (spec: firmware/docs/link-protocol.md). All
    /// integers little-endian; the CRC-32 covers every byte before it.
    /// <code>
    ///  0 u8  protocol version      1 u8  frame type      2 u16 sequence number
    ///  4 u16 request id            6 u8  command         7 u8  status
    ///  8 u16 payload length       10 ... payload         end-4 u32 CRC-32
    /// </code>
    /// </summary>
    public static class LinkFrame
    {
        public const byte ProtocolVersion = 1;

        public const int VersionAt = 0;
        public const int TypeAt = 1;
        public const int SequenceAt = 2;
        public const int RequestIdAt = 4;
        public const int CommandAt = 6;
        public const int StatusAt = 7;
        public const int LengthAt = 8;
        public const int PayloadAt = 10;

        /// <summary>Header and CRC around the payload.</summary>
        public const int Overhead = PayloadAt + 4;

        /// <summary>Largest payload either side sends (the handshake may agree on less).</summary>
        public const int MaxPayload = 1024;

        public const int MaxFrame = MaxPayload + Overhead;

        /// <summary>Largest encoded frame on the wire, delimiter included.</summary>
        public const int MaxEncoded = MaxFrame + MaxFrame / 254 + 2;

        /// <summary>Frame delimiter on the wire.</summary>
        public const byte Delimiter = 0;
    }
}
