using Edge.Device.Codec;
using Edge.Device.Inference;

namespace Edge.Device.Model
{
    /// <summary>
    /// Load-time checks of one operation's parameters against the model, so that a file whose
    /// CRC is right but whose numbers are not (a writer bug, a crafted file) fails with a message
    /// naming the operation, never with an index error during inference.
    /// </summary>
    public sealed class ModelCheck
    {
        private readonly EdgeModel _model;
        private readonly Operation _op;
        private readonly string _where;

        public ModelCheck(EdgeModel model, Operation op, int index)
        {
            _model = model;
            _op = op;
            _where = "operation " + index.ToString() + " (" + OpCode.Name(op.Code) + " '" + op.Name + "')";
        }

        public int[] P { get { return _op.Parameters; } }

        public int Code { get { return _op.Code; } }

        public EdgeFormatException Fail(string problem)
        {
            return new EdgeFormatException("model: " + _where + ": " + problem);
        }

        public TensorInfo Input(int i, int type)
        {
            if (i >= _op.Inputs.Length) throw Fail("needs input " + i.ToString());
            return Tensor(_op.Inputs[i], type, "input");
        }

        public TensorInfo Output(int i, int type)
        {
            if (i >= _op.Outputs.Length) throw Fail("needs output " + i.ToString());
            return Tensor(_op.Outputs[i], type, "output");
        }

        public void Positive(int value, string what)
        {
            if (value <= 0) throw Fail(what + " is " + value.ToString() + ", must be positive");
        }

        public void InRange(int value, int min, int max, string what)
        {
            if (value < min || value > max)
                throw Fail(what + " is " + value.ToString() + ", must be in [" + min.ToString() + ", " + max.ToString() + "]");
        }

        public void Equal(int actual, int expected, string what)
        {
            if (actual != expected) throw Fail(what + " is " + actual.ToString() + ", expected " + expected.ToString());
        }

        /// <summary>A fused activation's clamp bounds: inside int8 and in order.</summary>
        public void ActivationRange(int min, int max)
        {
            InRange(min, QuantMath.Int8Min, max, "activation min");
            InRange(max, min, QuantMath.Int8Max, "activation max");
        }

        /// <summary>
        /// An element-wise op: int8 input and output of <paramref name="count"/> elements each; with
        /// <paramref name="keepsQuantisation"/>, the output shares the input's zero point.
        /// </summary>
        public void ElementWise(int count, bool keepsQuantisation)
        {
            Positive(count, "element count");
            TensorInfo input = Input(0, TensorType.Int8);
            TensorInfo output = Output(0, TensorType.Int8);
            Equal(input.ElementCount, count, "input elements");
            Equal(output.ElementCount, count, "output elements");
            if (keepsQuantisation) Equal(output.ZeroPoint, input.ZeroPoint, "output zero point (the op keeps its input's quantisation)");
        }

        /// <summary>An element-wise op of two int8 inputs and one output, <paramref name="count"/> elements each.</summary>
        public void ElementWise2(int count)
        {
            Positive(count, "element count");
            Equal(Input(0, TensorType.Int8).ElementCount, count, "input 1 elements");
            Equal(Input(1, TensorType.Int8).ElementCount, count, "input 2 elements");
            Equal(Output(0, TensorType.Int8).ElementCount, count, "output elements");
        }

        /// <summary>Checks that [offset, offset+count) lies inside the int8 weights.</summary>
        public void Weights(int offset, long count, string what)
        {
            Span(offset, count, _model.Weights.Length, what, "weights");
        }

        /// <summary>Checks that [offset, offset+count) lies inside the int32 data.</summary>
        public void Ints(int offset, long count, string what)
        {
            Span(offset, count, _model.Ints.Length, what, "int32 data");
        }

        /// <summary>Checks that [offset, offset+count) lies inside the int32 arena.</summary>
        public void Arena32(int offset, long count, string what)
        {
            Span(offset, count, _model.Arena32Length, what, "int32 arena");
        }

        /// <summary>Checks requantisation shifts: TFLM's QuantizeMultiplier yields shifts in [-31, 30].</summary>
        public void Shifts(int offset, int count)
        {
            Ints(offset, count, "shifts");
            for (int i = 0; i < count; i++) InRange(_model.Ints[offset + i], -31, 30, "shift " + i.ToString());
        }

        public int IntAt(int index)
        {
            return _model.Ints[index];
        }

        private void Span(int offset, long count, int length, string what, string area)
        {
            if (offset < 0 || count < 0 || offset + count > length)
                throw Fail(what + " [" + offset.ToString() + ", +" + count.ToString() + ") lies outside the " + area + " (" + length.ToString() + ")");
        }

        private TensorInfo Tensor(int index, int type, string role)
        {
            if (index < 0 || index >= _model.Tensors.Length) throw Fail(role + " tensor " + index.ToString() + " does not exist");
            TensorInfo t = _model.Tensors[index];
            if (t.Type != type) throw Fail(role + " '" + t.Name + "' is " + TensorType.Name(t.Type) + ", expected " + TensorType.Name(type));
            return t;
        }
    }
}
