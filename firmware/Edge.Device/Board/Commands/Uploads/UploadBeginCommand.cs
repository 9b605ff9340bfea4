using Edge.Device.Codec;
using Edge.Device.Link;
using Edge.Device.Link.Messages;

namespace Edge.Device.Board
{
    /// <summary>`upload-begin`: starts staging a file, or continues an identical interrupted upload from where it stopped.</summary>
    public sealed class UploadBeginCommand : CommandHandler
    {
        private readonly UploadSession _upload;
        private readonly UploadBeginRequest _request = new UploadBeginRequest();
        private readonly UploadOffset _reply = new UploadOffset();

        public UploadBeginCommand(UploadSession upload)
        {
            _upload = upload;
        }

        public override byte Handle(ByteReader request, byte[] reply, int at, out int length)
        {
            _request.Read(request);
            length = 0;
            if (!UploadKind.IsValid((byte)_request.Kind)) return LinkStatus.BadRequest;
            if (_request.Length < 1 || _request.Length > _upload.Buffer.Length)
            {
                _reply.Offset = _upload.Buffer.Length;
                length = _reply.Write(reply, at);
                return LinkStatus.TooLarge;
            }
            _reply.Offset = _upload.Begin((byte)_request.Kind, _request.Length, _request.Crc);
            length = _reply.Write(reply, at);
            return LinkStatus.Ok;
        }
    }
}
