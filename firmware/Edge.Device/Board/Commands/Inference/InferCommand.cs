using Edge.Device.Codec;
using Edge.Device.Inference;
using Edge.Device.Link;
using Edge.Device.Link.Messages;
using Edge.Device.Model;

namespace Edge.Device.Board
{
    /// <summary>`infer`: MLPerf-style runs on stored vectors: timing per inference (trigger pin raised around each), outputs of the last repeat.</summary>
    public sealed class InferCommand : CommandHandler
    {
        private readonly VectorStore _vectors;
        private readonly RowPipeline _rows;
        private readonly InferRequest _request = new InferRequest();
        private readonly InferReply _reply = new InferReply();

        public InferCommand(VectorStore vectors, RowPipeline rows)
        {
            _vectors = vectors;
            _rows = rows;
        }

        public override byte Handle(ByteReader request, byte[] reply, int at, out int length)
        {
            _request.Read(request);
            length = 0;
            var interpreter = _rows.Interpreter;
            if (interpreter == null) return LinkStatus.NoModel;
            int first = _request.FirstSlot;
            int count = _request.Count;
            int outputs = interpreter.OutputsLength;
            if (count < 1 || _request.Repeats < 1 || first + count > _vectors.Slots || count * outputs > InferReply.MaxOutputs)
                return LinkStatus.BadRequest;
            long total = 0;
            long min = long.MaxValue;
            long max = 0;
            int written = 0;
            for (int r = 0; r < _request.Repeats; r++)
            {
                for (int s = first; s < first + count; s++)
                {
                    long micros = Invoke(interpreter, s);
                    total += micros;
                    if (micros < min) min = micros;
                    if (micros > max) max = micros;
                    if (r != _request.Repeats - 1) continue;
                    interpreter.GetOutputs(_rows.Output, 0);
                    for (int k = 0; k < outputs; k++) InferReply.WriteOutput(reply, at, written++, _rows.Output[k]);
                }
            }
            _reply.Inferences = (long)count * _request.Repeats;
            _reply.TotalMicros = total;
            _reply.MinMicros = min;
            _reply.MaxMicros = max;
            _reply.OutputCount = 0; // already in the frame
            length = _reply.Write(reply, at) + 4 * written;
            return LinkStatus.Ok;
        }

        private long Invoke(Interpreter interpreter, int slot)
        {
            int from = slot * _vectors.Length;
            interpreter.SetInputs(_vectors.Floats, _vectors.Bits, from);
            return _rows.TimedInvoke();
        }
    }
}
