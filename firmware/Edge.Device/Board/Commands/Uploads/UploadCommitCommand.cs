using System;
using Edge.Device.Codec;
using Edge.Device.Link;
using Edge.Device.Link.Messages;

namespace Edge.Device.Board
{
    /// <summary>
    /// `upload-commit`: checks the staged file's CRC-32, loads it, and only then makes it what runs
    /// and what the store keeps; a file that does not load leaves the old one running.
    /// </summary>
    public sealed class UploadCommitCommand : CommandHandler
    {
        private readonly UploadSession _upload;
        private readonly FileLoader _loader;
        private readonly IModelStore _store;
        private readonly RowPipeline _rows;
        private readonly UploadCommitReply _reply = new UploadCommitReply();
        private readonly UploadOffset _offset = new UploadOffset();
        private readonly ErrorText _error = new ErrorText();

        public UploadCommitCommand(UploadSession upload, FileLoader loader, IModelStore store, RowPipeline rows)
        {
            _upload = upload;
            _loader = loader;
            _store = store;
            _rows = rows;
        }

        public override byte Handle(ByteReader request, byte[] reply, int at, out int length)
        {
            request.ExpectEnd("upload-commit");
            length = 0;
            if (!_upload.Complete)
            {
                _offset.Offset = _upload.Offset;
                length = _offset.Write(reply, at);
                return LinkStatus.BadOffset;
            }
            if (!_upload.Verify())
            {
                _upload.Reset();
                return LinkStatus.ChecksumMismatch;
            }
            byte kind = _upload.Kind;
            int fileLength = _upload.Length;
            // Parsed straight from the staging buffer: a copy of the file would need as much
            // heap again at the moment the new model is built (the readers copy what they keep).
            string problem = _loader.Load(kind, _upload.Buffer, fileLength);
            if (problem != null)
            {
                _upload.Reset();
                _error.Text = problem;
                length = _error.Write(reply, at);
                return LinkStatus.InvalidFile;
            }
            if (_store != null) _store.SaveCommitted(kind, _upload.Buffer, fileLength);
            _upload.Reset();
            _reply.Kind = kind;
            byte[] id = kind == UploadKind.Model && _rows.Interpreter != null ? _rows.Interpreter.Model.Id : null;
            for (int i = 0; i < 8; i++) _reply.ModelId[i] = id == null ? (byte)0 : id[i];
            _reply.Length = fileLength;
            length = _reply.Write(reply, at);
            return LinkStatus.Ok;
        }
    }
}
