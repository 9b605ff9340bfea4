using Edge.Device.Model;

namespace Edge.Device.Inference
{
    /// <summary>Load-time dispatch from an op code to its kernel's parameter check (one of the two switches over <see cref="OpCode"/>).</summary>
    public static class Kernels
    {
        public static void Check(ModelCheck c)
        {
            switch (c.Code)
            {
                case OpCode.FullyConnected: FullyConnectedInt8.Check(c); break;
                case OpCode.Conv1D: Conv1DInt8.Check(c); break;
                case OpCode.MaxPool1D: MaxPool1DInt8.Check(c); break;
                case OpCode.AveragePool1D: AveragePool1DInt8.Check(c); break;
                case OpCode.Clamp: ClampInt8.Check(c); break;
                case OpCode.Add: AddInt8.Check(c); break;
                case OpCode.Mul: MulInt8.Check(c); break;
                case OpCode.LookupTable: LookupTableInt8.Check(c); break;
                case OpCode.Softmax: SoftmaxInt8.Check(c); break;
                case OpCode.Reshape: ReshapeInt8.Check(c); break;
                case OpCode.TreeEnsemble: TreeEnsembleInt8.Check(c); break;
                case OpCode.Conv2D: Conv2DInt8.Check(c); break;
                case OpCode.MaxPool2D: MaxPool2DInt8.Check(c); break;
                case OpCode.AveragePool2D: AveragePool2DInt8.Check(c); break;
                case OpCode.Pad: PadInt8.Check(c); break;
                case OpCode.StridedCopy: StridedCopyInt8.Check(c); break;
                case OpCode.Reduce: ReduceInt8.Check(c); break;
                case OpCode.PRelu: PReluInt8.Check(c); break;
                case OpCode.ArgMax: ArgMaxInt8.Check(c); break;
                case OpCode.MatMul: MatMulInt8.Check(c); break;
                case OpCode.Gru: GruInt8.Check(c); break;
                case OpCode.Lstm: LstmInt8.Check(c); break;
                default: throw c.Fail("unknown op code");
            }
        }
    }
}
