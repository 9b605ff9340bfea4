using Edge.Device.Codec;

namespace Edge.Device.Link.Messages
{
    /// <summary>`hello`, board to host: what the board is and what it can take, for the session just opened.</summary>
    public sealed class HelloReply : LinkMessage
    {
        /// <summary>Capability bit: the firmware has native (C) kernels beside the managed ones.</summary>
        public const int NativeKernels = 1;

        public int ProtocolVersion = LinkFrame.ProtocolVersion;
        public int MaxPayload = LinkFrame.MaxPayload;

        /// <summary>Requests in flight for this session: the smaller of the host's and the board's window.</summary>
        public int Window = 1;

        /// <summary>Bits: <see cref="NativeKernels"/>.</summary>
        public int Capabilities;

        public string FirmwareVersion = "";
        public string BoardName = "";
        public int StagingCapacity;
        public int VectorSlots;
        public int MaxRowWidth;

        /// <summary>Largest inference arena the board allows (bytes; 0: no limit).</summary>
        public int ArenaBudget;

        /// <summary>Free managed memory at hello (bytes; 0: unknown).</summary>
        public long FreeMemory;

        /// <summary>Memory the board's link holds: receive buffer, frame encoder, decoder, one cached answer per window slot.</summary>
        public int LinkBufferBytes;

        public bool HasNativeKernels { get { return (Capabilities & NativeKernels) != 0; } }

        public override int Write(byte[] b, int at)
        {
            int start = at;
            at = FieldWriter.U8(b, at, ProtocolVersion, "protocol version");
            at = FieldWriter.U16(b, at, MaxPayload, "max payload");
            at = FieldWriter.U8(b, at, Window, "window");
            at = FieldWriter.U8(b, at, Capabilities, "capabilities");
            at = FieldWriter.ShortString(b, at, FirmwareVersion, "firmware version");
            at = FieldWriter.ShortString(b, at, BoardName, "board name");
            at = FieldWriter.U32(b, at, StagingCapacity, "staging capacity");
            at = FieldWriter.U16(b, at, VectorSlots, "vector slots");
            at = FieldWriter.U16(b, at, MaxRowWidth, "max row width");
            at = FieldWriter.U32(b, at, ArenaBudget, "arena budget");
            at = FieldWriter.U32(b, at, FreeMemory, "free memory");
            at = FieldWriter.U32(b, at, LinkBufferBytes, "link buffer bytes");
            return at - start;
        }

        public override void Read(ByteReader r)
        {
            ProtocolVersion = r.ReadByte("protocol version");
            MaxPayload = r.ReadUInt16("max payload");
            Window = r.ReadByte("window");
            Capabilities = r.ReadByte("capabilities");
            FirmwareVersion = r.ReadShortString("firmware version");
            BoardName = r.ReadShortString("board name");
            StagingCapacity = r.ReadUInt31("staging capacity");
            VectorSlots = r.ReadUInt16("vector slots");
            MaxRowWidth = r.ReadUInt16("max row width");
            ArenaBudget = r.ReadUInt31("arena budget");
            FreeMemory = r.ReadUInt32("free memory");
            LinkBufferBytes = r.ReadUInt31("link buffer bytes");
            r.ExpectEnd("hello reply");
        }
    }
}
