using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link
{
    /// <summary>
    /// Reassembles frames from a byte stream one byte at a time. Bytes collect until a delimiter;
    /// the run is then COBS-decoded and checked (CRC-32, version, type, declared payload length).
    /// Anything that fails is dropped and counted, and the next delimiter starts afresh,
    /// so after garbage the decoder is back in step with the next frame. A run longer than the
    /// largest frame is discarded up to the next delimiter. No allocation.
    /// </summary>
    public sealed class FrameDecoder
    {
        private readonly byte[] _encoded = new byte[LinkFrame.MaxEncoded];
        private int _encodedLength;
        private bool _overflowed;

        /// <summary>
        /// The last accepted frame, decoded; fields via the accessors below. As long as the longest
        /// run the decoder keeps, not the longest frame: a run of garbage that long decodes to a few
        /// bytes more than any frame, and must be rejected, not written past the end.
        /// </summary>
        public readonly byte[] Frame = new byte[LinkFrame.MaxEncoded];

        public int FrameLength;

        public int Accepted;

        /// <summary>Runs rejected: not COBS, too short, wrong CRC, bad header.</summary>
        public int Rejected;

        /// <summary>Runs discarded for exceeding the largest frame.</summary>
        public int Overlong;

        /// <summary>Frames whose CRC did not match (a subset of <see cref="Rejected"/>).</summary>
        public int CrcErrors;

        /// <summary>
        /// Intact frames (their CRC-32 matches) of another protocol version, a subset of
        /// <see cref="Rejected"/>: a peer running other firmware, told apart from line noise.
        /// </summary>
        public int ForeignVersion;

        /// <summary>The version byte of the last such frame.</summary>
        public byte LastForeignVersion;

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
            // The CRC-32 ends every version's frame: check it first, so a frame of another version
            // is recognised as intact (and counted as such) without knowing its header.
            if (length < 5 || length > LinkFrame.MaxFrame) return Reject(false);
            uint stored = LittleEndian.ReadUInt32(Frame, length - 4);
            if (stored != Crc32.Compute(Frame, 0, length - 4)) return Reject(true);
            byte version = Frame[LinkFrame.VersionAt];
            if (version != LinkFrame.ProtocolVersion)
            {
                ForeignVersion++;
                LastForeignVersion = version;
                return Reject(false);
            }
            if (length < LinkFrame.Overhead) return Reject(false);
            int payload = LittleEndian.ReadUInt16(Frame, LinkFrame.LengthAt);
            if (!FrameType.IsValid(Frame[LinkFrame.TypeAt]) || payload > LinkFrame.MaxPayload || LinkFrame.Overhead + payload != length)
                return Reject(false);
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

        public uint Session { [HotPath] get { return LittleEndian.ReadUInt32(Frame, LinkFrame.SessionAt); } }

        public ushort RequestId { [HotPath] get { return LittleEndian.ReadUInt16(Frame, LinkFrame.RequestIdAt); } }

        public byte Command { [HotPath] get { return Frame[LinkFrame.CommandAt]; } }

        public byte Status { [HotPath] get { return Frame[LinkFrame.StatusAt]; } }

        public int PayloadLength { [HotPath] get { return FrameLength - LinkFrame.Overhead; } }
    }
}
