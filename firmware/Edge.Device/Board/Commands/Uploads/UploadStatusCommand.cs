using Edge.Device.Codec;
using Edge.Device.Link;
using Edge.Device.Link.Messages;

namespace Edge.Device.Board
{
    /// <summary>`upload-status`: the staged upload, for a host deciding whether to resume.</summary>
    public sealed class UploadStatusCommand : CommandHandler
    {
        private readonly UploadSession _upload;
        private readonly UploadStatusReply _reply = new UploadStatusReply();

        public UploadStatusCommand(UploadSession upload)
        {
            _upload = upload;
        }

        public override byte Handle(ByteReader request, byte[] reply, int at, out int length)
        {
            request.ExpectEnd("upload-status");
            _reply.Kind = _upload.Kind;
            _reply.Length = _upload.Length;
            _reply.Crc = _upload.Crc;
            _reply.Offset = _upload.Offset;
            length = _reply.Write(reply, at);
            return LinkStatus.Ok;
        }
    }
}
