using Edge.Device.Codec;
using Edge.Device.Link;
using Edge.Device.Link.Messages;

namespace Edge.Device.Board
{
    /// <summary>`upload-chunk`: stages bytes at the expected offset; any other offset is refused (bad-offset) with the one expected.</summary>
    public sealed class UploadChunkCommand : CommandHandler
    {
        private readonly UploadSession _upload;
        private readonly UploadChunkRequest _request = new UploadChunkRequest();
        private readonly UploadOffset _reply = new UploadOffset();

        public UploadChunkCommand(UploadSession upload)
        {
            _upload = upload;
        }

        public override byte Handle(ByteReader request, byte[] reply, int at, out int length)
        {
            _request.Read(request);
            bool taken = _upload.Append(_request.Offset, _request.Data, _request.DataOffset, _request.DataLength);
            _reply.Offset = _upload.Offset;
            length = _reply.Write(reply, at);
            return taken ? LinkStatus.Ok : LinkStatus.BadOffset;
        }
    }
}
