using Edge.Device.Codec;

namespace Edge.Device.Link.Messages
{
    /// <summary>
    /// One link payload (firmware/docs/link-protocol.md): its fields, and its one codec, used by
    /// the board and by the host alike. <see cref="Write"/> lays the fields out in order and
    /// refuses values a field cannot hold; <see cref="Read"/> takes them back in the same order
    /// from a reader that spans exactly the payload, and fails, naming the field, on a payload too
    /// short or too long. A board keeps one instance per message and refills it for every frame.
    /// </summary>
    public abstract class LinkMessage
    {
        // The overrides the board calls per frame carry [HotPath] or [NoAlloc] themselves (the IL
        // scan checks each override, not this declaration); the board calls them on the sealed
        // types, so the scan sees which one runs.

        /// <summary>Writes the payload at b[at..]; returns the bytes written.</summary>
        public abstract int Write(byte[] b, int at);

        /// <summary>Reads the payload's fields in order; the reader must end where the payload ends.</summary>
        public abstract void Read(ByteReader r);
    }
}
