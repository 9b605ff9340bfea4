using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link
{
    /// <summary>
    /// Builds frames: the caller writes the payload into <see cref="Payload"/> at
    /// <see cref="PayloadAt"/>, then <see cref="Finish"/> fills the header and CRC and
    /// COBS-encodes the frame with its delimiter into <see cref="Wire"/>. One buffer serves both:
    /// the frame is built <see cref="Headroom"/> bytes in, and COBS, which adds at most one byte
    /// per 254, encodes it forward to the start without overtaking what it has still to read.
    /// That saves a kilobyte of a board's heap. Sized once.
    /// </summary>
    public sealed class FrameEncoder
    {
        /// <summary>Where the unencoded frame starts in the buffer: COBS's worst-case growth plus the delimiter.</summary>
        public const int Headroom = LinkFrame.MaxEncoded - LinkFrame.MaxFrame;

        private ushort _sequence;

        /// <summary>The buffer the frame is built in (from <see cref="Headroom"/>) and encoded into (from 0).</summary>
        public readonly byte[] Wire = new byte[LinkFrame.MaxEncoded];

        /// <summary>Where payloads are written: the same buffer as <see cref="Wire"/>.</summary>
        public byte[] Payload { get { return Wire; } }

        /// <summary>Where the payload starts in <see cref="Payload"/>.</summary>
        public const int PayloadAt = Headroom + LinkFrame.PayloadAt;

        /// <summary>Bytes of the encoded frame in <see cref="Wire"/>, delimiter included.</summary>
        public int WireLength;

        /// <summary>Sequence number the next frame will carry.</summary>
        public ushort NextSequence { get { return _sequence; } }

        /// <summary>Completes a frame whose payload (payloadLength bytes) is already in place; returns the wire length.</summary>
        [HotPath]
        public int Finish(byte type, uint session, ushort requestId, byte command, byte status, int payloadLength)
        {
            if (payloadLength < 0 || payloadLength > LinkFrame.MaxPayload)
                throw new System.ArgumentOutOfRangeException("payloadLength", "payload exceeds the link's maximum");
            byte[] f = Wire;
            const int h = Headroom;
            f[h + LinkFrame.VersionAt] = LinkFrame.ProtocolVersion;
            f[h + LinkFrame.TypeAt] = type;
            LittleEndian.WriteUInt16(f, h + LinkFrame.SequenceAt, _sequence);
            LittleEndian.WriteUInt32(f, h + LinkFrame.SessionAt, session);
            LittleEndian.WriteUInt16(f, h + LinkFrame.RequestIdAt, requestId);
            f[h + LinkFrame.CommandAt] = command;
            f[h + LinkFrame.StatusAt] = status;
            LittleEndian.WriteUInt16(f, h + LinkFrame.LengthAt, (ushort)payloadLength);
            int crcAt = LinkFrame.PayloadAt + payloadLength;
            LittleEndian.WriteUInt32(f, h + crcAt, Crc32.Compute(f, h, crcAt));
            _sequence++;
            int encoded = Cobs.Encode(f, h, crcAt + 4, f, 0);
            Wire[encoded] = LinkFrame.Delimiter;
            WireLength = encoded + 1;
            return WireLength;
        }
    }
}
