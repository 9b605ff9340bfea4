using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link
{
    /// <summary>
    /// Reassembles frames from a byte stream one byte at a time. Bytes collect until a delimiter;
    /// the run is then COBS-decoded and checked (length, version, type, declared payload length,
    /// CRC-32). Anything that fails is dropped and counted, and the next delimiter starts afresh,
    /// so after garbage the decoder is back in step with the next frame. A run longer than the
    /// largest frame is discarded up to the next delimiter. No allocation.
    /// </summary>
    public sealed class FrameDecoder
    {
        private readonly byte[] _encoded = new byte[LinkFrame.MaxEncoded];
        private int _encodedLength;
        private bool _overflowed;

        /// <summary>The last accepted frame, decoded; fields via the accessors below.</summary>
        public readonly byte[] Frame = new byte[LinkFrame.MaxFrame];

        public int FrameLength;

        /// <summary>Frames accepted.</summary>
        public int Accepted;

        /// <summary>Runs rejected: not COBS, too short, wrong CRC, bad header.</summary>
        public int Rejected;

        /// <summary>Runs discarded for exceeding the largest frame.</summary>
        public int Overlong;

        /// <summary>Frames whose CRC did not match (a subset of <see cref="Rejected"/>).</summary>
        public int CrcErrors;

        /// <summary>Feeds one byte; returns true when it completed a valid frame (then read it before the next call).</summary>
        [HotPath]
        public bool Push(byte b)
        {
            if (b != LinkFrame.Delimiter)
            {
                if (_encodedLength == _encoded.Length)
                {
                    if (!_overflowed) Overlong++;
                    _overflowed = true;
                    return false;
                }
                _encoded[_encodedLength++] = b;
                return false;
            }
            int length = _encodedLength;
            bool overflowed = _overflowed;
            _encodedLength = 0;
            _overflowed = false;
            if (overflowed || length == 0) return false; // resync point or idle delimiter
            return Accept(length);
        }

        [HotPath]
        private bool Accept(int encodedLength)
        {
            int length = Cobs.Decode(_encoded, 0, encodedLength, Frame, 0);
            if (length < LinkFrame.Overhead) return Reject(false);
            int payload = LittleEndian.ReadUInt16(Frame, LinkFrame.LengthAt);
            if (Frame[LinkFrame.VersionAt] != LinkFrame.ProtocolVersion || !FrameType.IsValid(Frame[LinkFrame.TypeAt])
                || payload > LinkFrame.MaxPayload || LinkFrame.Overhead + payload != length)
                return Reject(false);
            uint stored = LittleEndian.ReadUInt32(Frame, length - 4);
            if (stored != Crc32.Compute(Frame, 0, length - 4)) return Reject(true);
            FrameLength = length;
            Accepted++;
            return true;
        }

        [HotPath]
        private bool Reject(bool crc)
        {
            Rejected++;
            if (crc) CrcErrors++;
            return false;
        }

        public byte Type { [HotPath] get { return Frame[LinkFrame.TypeAt]; } }

        public ushort Sequence { [HotPath] get { return LittleEndian.ReadUInt16(Frame, LinkFrame.SequenceAt); } }

        public ushort RequestId { [HotPath] get { return LittleEndian.ReadUInt16(Frame, LinkFrame.RequestIdAt); } }

        public byte Command { [HotPath] get { return Frame[LinkFrame.CommandAt]; } }

        public byte Status { [HotPath] get { return Frame[LinkFrame.StatusAt]; } }

        public int PayloadLength { [HotPath] get { return FrameLength - LinkFrame.Overhead; } }
    }
}
