using Edge.Device.Codec;
using Edge.Device.Link;
using Edge.Device.Link.Messages;

namespace Edge.Device.Board
{
    /// <summary>`set-vector`: stores input values in a vector slot for `infer`.</summary>
    public sealed class SetVectorCommand : CommandHandler
    {
        private readonly VectorStore _vectors;
        private readonly RowPipeline _rows;
        private readonly SetVectorRequest _request = new SetVectorRequest();

        public SetVectorCommand(VectorStore vectors, RowPipeline rows)
        {
            _vectors = vectors;
            _rows = rows;
        }

        public override byte Handle(ByteReader request, byte[] reply, int at, out int length)
        {
            _request.Read(request);
            length = 0;
            if (_rows.Interpreter == null) return LinkStatus.NoModel;
            if (_request.Slot >= _vectors.Slots || _request.Start + _request.Count > _vectors.Length) return LinkStatus.BadRequest;
            _request.CopyValues(_vectors.Floats, _vectors.Bits, _request.Slot * _vectors.Length + _request.Start);
            return LinkStatus.Ok;
        }
    }
}
