using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>
    /// `acknowledge`: clear the drift alarm and release the capture. The host names the capture it
    /// has stored, by the window it froze at (0: none); a board holding a frozen capture refuses
    /// (busy) an acknowledge that does not name it, so no capture is released unfetched.
    /// </summary>
    public sealed class AcknowledgeRequest : LinkMessage
    {
        public long StoredCaptureWindow;

        [HotPath]
        public override int Write(byte[] b, int at)
        {
            return FieldWriter.U32(b, at, StoredCaptureWindow, "stored capture window") - at;
        }

        [HotPath]
        public override void Read(ByteReader r)
        {
            StoredCaptureWindow = r.ReadUInt32("stored capture window");
            r.ExpectEnd("acknowledge");
        }
    }
}
