using Edge.Device.Codec;

namespace Edge.Device.Link.Messages
{
    /// <summary>
    /// `hello`, host to board: opens a session. The session id travels in the frame header (the
    /// host picks it at random, nonzero); the board forgets every answer of an earlier session.
    /// </summary>
    public sealed class HelloRequest : LinkMessage
    {
        /// <summary>The protocol version the host speaks (a board of another version answers unsupported-version).</summary>
        public int ProtocolVersion = LinkFrame.ProtocolVersion;

        /// <summary>Requests the host would keep in flight; the board answers with the window both accept.</summary>
        public int Window = 1;

        public override int Write(byte[] b, int at)
        {
            int start = at;
            at = FieldWriter.U8(b, at, ProtocolVersion, "protocol version");
            at = FieldWriter.U8(b, at, Window, "window");
            return at - start;
        }

        public override void Read(ByteReader r)
        {
            ProtocolVersion = r.ReadByte("protocol version");
            if (ProtocolVersion != LinkFrame.ProtocolVersion) return; // what follows is another version's
            Window = r.ReadByte("window");
            r.ExpectEnd("hello");
        }
    }
}
