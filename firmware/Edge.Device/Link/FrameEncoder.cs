using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link
{
    /// <summary>
    /// Builds frames: the caller writes the payload into <see cref="Payload"/> at
    /// <see cref="LinkFrame.PayloadAt"/>, then <see cref="Finish"/> fills the header and CRC and
    /// COBS-encodes the frame with its delimiter into <see cref="Wire"/>. Buffers are sized once.
    /// </summary>
    public sealed class FrameEncoder
    {
        private ushort _sequence;

        /// <summary>The unencoded frame being built; payload goes at LinkFrame.PayloadAt.</summary>
        public readonly byte[] Payload = new byte[LinkFrame.MaxFrame];

        /// <summary>The encoded frame, delimiter included: send Wire[0 .. WireLength).</summary>
        public readonly byte[] Wire = new byte[LinkFrame.MaxEncoded];

        public int WireLength;

        /// <summary>Sequence number the next frame will carry.</summary>
        public ushort NextSequence { get { return _sequence; } }

        /// <summary>Completes a frame whose payload (payloadLength bytes) is already in place; returns the wire length.</summary>
        [HotPath]
        public int Finish(byte type, uint session, ushort requestId, byte command, byte status, int payloadLength)
        {
            if (payloadLength < 0 || payloadLength > LinkFrame.MaxPayload)
                throw new System.ArgumentOutOfRangeException("payloadLength", "payload exceeds the link's maximum");
            byte[] f = Payload;
            f[LinkFrame.VersionAt] = LinkFrame.ProtocolVersion;
            f[LinkFrame.TypeAt] = type;
            LittleEndian.WriteUInt16(f, LinkFrame.SequenceAt, _sequence);
            LittleEndian.WriteUInt32(f, LinkFrame.SessionAt, session);
            LittleEndian.WriteUInt16(f, LinkFrame.RequestIdAt, requestId);
            f[LinkFrame.CommandAt] = command;
            f[LinkFrame.StatusAt] = status;
            LittleEndian.WriteUInt16(f, LinkFrame.LengthAt, (ushort)payloadLength);
            int crcAt = LinkFrame.PayloadAt + payloadLength;
            LittleEndian.WriteUInt32(f, crcAt, Crc32.Compute(f, 0, crcAt));
            _sequence++;
            int encoded = Cobs.Encode(f, 0, crcAt + 4, Wire, 0);
            Wire[encoded] = LinkFrame.Delimiter;
            WireLength = encoded + 1;
            return WireLength;
        }
    }
}
