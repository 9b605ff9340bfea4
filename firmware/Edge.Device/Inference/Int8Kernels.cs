using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// The kernels an <see cref="Interpreter"/> runs, one virtual method per op, named after the
    /// op's kernel class. This class is the managed reference: each method calls that kernel.
    /// <see cref="NativeInt8Kernels"/> overrides the ones the firmware has in C, as TFLite Micro
    /// overrides its reference kernels with CMSIS-NN ones; both compute the same bytes. A kernel set
    /// that does not override an op runs the managed kernel for it, so a new op works with every
    /// set (native, the host's SIMD set) from the day it is added.
    /// </summary>
    public class Int8Kernels
    {
        /// <summary>The managed reference kernels.</summary>
        public static readonly Int8Kernels Reference = new Int8Kernels();

        private static Int8Kernels _default;

        /// <summary>The native kernels when <see cref="NativeCode.IsAvailable"/>, else the reference; decided once.</summary>
        public static Int8Kernels Default
        {
            get
            {
                if (_default == null) _default = NativeCode.IsAvailable ? new NativeInt8Kernels() : Reference;
                return _default;
            }
        }

        /// <summary>"managed" or "native".</summary>
        public virtual string Name { get { return "managed"; } }

        /// <summary>True when <see cref="Invoke"/> runs a run of ops in one call (then the interpreter flattens those runs once, at load).</summary>
        public virtual bool InvokesGraphs { get { return false; } }

        /// <summary>True when <see cref="Invoke"/> can run ops of this code (the native library's own list); the others run one at a time.</summary>
        public virtual bool InvokesInGraph(int code)
        {
            return false;
        }

        /// <summary>
        /// A run of ops in one call, flattened as <see cref="Interpreter"/> builds it when
        /// <see cref="InvokesGraphs"/>: [0] op count, then per op its code, input 0, input 1,
        /// output, parameter count and parameters. The managed set walks the ops one at a time in
        /// the interpreter instead and never gets here.
        /// </summary>
        [HotPath]
        public virtual void Invoke(int[] graph, sbyte[] weights, int[] ints, sbyte[] arena8, int[] arena32)
        {
            throw new System.NotSupportedException("the managed kernels run one op at a time");
        }

        /// <summary>
        /// One op through this set's kernel for its code: the one place (besides the load-time
        /// <see cref="Kernels.Check"/>) that knows which kernel an op code runs. A code without a
        /// kernel throws; the reader never lets one through.
        /// </summary>
        [HotPath]
        public void Run(int code, int[] p, sbyte[] weights, int[] ints, sbyte[] a8, int[] a32, int input0, int input1, int output)
        {
            switch (code)
            {
                case OpCode.FullyConnected: FullyConnectedInt8(p, weights, ints, a8, input0, output); break;
                case OpCode.Conv1D: Conv1DInt8(p, weights, ints, a8, input0, output); break;
                case OpCode.MaxPool1D: MaxPool1DInt8(p, a8, input0, output); break;
                case OpCode.AveragePool1D: AveragePool1DInt8(p, a8, input0, output); break;
                case OpCode.Clamp: ClampInt8(p, a8, input0, output); break;
                case OpCode.Add: AddInt8(p, a8, input0, input1, output); break;
                case OpCode.Mul: MulInt8(p, a8, input0, input1, output); break;
                case OpCode.LookupTable: LookupTableInt8(p, weights, a8, input0, output); break;
                case OpCode.Softmax: SoftmaxInt8(p, ints, a8, input0, output); break;
                case OpCode.Reshape: ReshapeInt8(p, a8, input0, output); break;
                case OpCode.TreeEnsemble: TreeEnsembleInt8(p, ints, a32, a8, input0, output); break;
                case OpCode.Conv2D: Conv2DInt8(p, weights, ints, a8, input0, output); break;
                case OpCode.MaxPool2D: MaxPool2DInt8(p, a8, input0, output); break;
                case OpCode.AveragePool2D: AveragePool2DInt8(p, a8, input0, output); break;
                case OpCode.Pad: PadInt8(p, a8, input0, output); break;
                case OpCode.StridedCopy: StridedCopyInt8(p, a8, input0, output); break;
                case OpCode.Reduce: ReduceInt8(p, a8, input0, output); break;
                case OpCode.PRelu: PReluInt8(p, weights, ints, a8, input0, output); break;
                case OpCode.ArgMax: ArgMaxInt8(p, a8, input0, output); break;
                case OpCode.MatMul: MatMulInt8(p, a8, input0, input1, output); break;
                case OpCode.Gru: GruInt8(p, weights, ints, a8, a32, input0, output); break;
                case OpCode.Lstm: LstmInt8(p, weights, ints, a8, a32, input0, output); break;
                default: throw new System.ArgumentException("no kernel for op code");
            }
        }

        [HotPath]
        public virtual void FullyConnectedInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output)
        {
            Inference.FullyConnectedInt8.Eval(p, weights, ints, arena, input, output);
        }

        [HotPath]
        public virtual void Conv1DInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output)
        {
            Inference.Conv1DInt8.Eval(p, weights, ints, arena, input, output);
        }

        [HotPath]
        public virtual void MaxPool1DInt8(int[] p, sbyte[] arena, int input, int output)
        {
            Inference.MaxPool1DInt8.Eval(p, arena, input, output);
        }

        [HotPath]
        public virtual void AveragePool1DInt8(int[] p, sbyte[] arena, int input, int output)
        {
            Inference.AveragePool1DInt8.Eval(p, arena, input, output);
        }

        [HotPath]
        public virtual void ClampInt8(int[] p, sbyte[] arena, int input, int output)
        {
            Inference.ClampInt8.Eval(p, arena, input, output);
        }

        [HotPath]
        public virtual void AddInt8(int[] p, sbyte[] arena, int input1, int input2, int output)
        {
            Inference.AddInt8.Eval(p, arena, input1, input2, output);
        }

        [HotPath]
        public virtual void MulInt8(int[] p, sbyte[] arena, int input1, int input2, int output)
        {
            Inference.MulInt8.Eval(p, arena, input1, input2, output);
        }

        [HotPath]
        public virtual void LookupTableInt8(int[] p, sbyte[] weights, sbyte[] arena, int input, int output)
        {
            Inference.LookupTableInt8.Eval(p, weights, arena, input, output);
        }

        [HotPath]
        public virtual void SoftmaxInt8(int[] p, int[] ints, sbyte[] arena, int input, int output)
        {
            Inference.SoftmaxInt8.Eval(p, ints, arena, input, output);
        }

        [HotPath]
        public virtual void ReshapeInt8(int[] p, sbyte[] arena, int input, int output)
        {
            Inference.ReshapeInt8.Eval(p, arena, input, output);
        }

        [HotPath]
        public virtual void TreeEnsembleInt8(int[] p, int[] ints, int[] arena32, sbyte[] arena8, int input, int output)
        {
            Inference.TreeEnsembleInt8.Eval(p, ints, arena32, arena8, input, output);
        }

        [HotPath]
        public virtual void Conv2DInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output)
        {
            Inference.Conv2DInt8.Eval(p, weights, ints, arena, input, output);
        }

        [HotPath]
        public virtual void MaxPool2DInt8(int[] p, sbyte[] arena, int input, int output)
        {
            Inference.MaxPool2DInt8.Eval(p, arena, input, output);
        }

        [HotPath]
        public virtual void AveragePool2DInt8(int[] p, sbyte[] arena, int input, int output)
        {
            Inference.AveragePool2DInt8.Eval(p, arena, input, output);
        }

        [HotPath]
        public virtual void PadInt8(int[] p, sbyte[] arena, int input, int output)
        {
            Inference.PadInt8.Eval(p, arena, input, output);
        }

        [HotPath]
        public virtual void StridedCopyInt8(int[] p, sbyte[] arena, int input, int output)
        {
            Inference.StridedCopyInt8.Eval(p, arena, input, output);
        }

        [HotPath]
        public virtual void ReduceInt8(int[] p, sbyte[] arena, int input, int output)
        {
            Inference.ReduceInt8.Eval(p, arena, input, output);
        }

        [HotPath]
        public virtual void PReluInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output)
        {
            Inference.PReluInt8.Eval(p, weights, ints, arena, input, output);
        }

        [HotPath]
        public virtual void ArgMaxInt8(int[] p, sbyte[] arena, int input, int output)
        {
            Inference.ArgMaxInt8.Eval(p, arena, input, output);
        }

        [HotPath]
        public virtual void MatMulInt8(int[] p, sbyte[] arena, int input1, int input2, int output)
        {
            Inference.MatMulInt8.Eval(p, arena, input1, input2, output);
        }

        [HotPath]
        public virtual void GruInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena8, int[] arena32, int input, int output)
        {
            Inference.GruInt8.Eval(p, weights, ints, arena8, arena32, input, output);
        }

        [HotPath]
        public virtual void LstmInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena8, int[] arena32, int input, int output)
        {
            Inference.LstmInt8.Eval(p, weights, ints, arena8, arena32, input, output);
        }
    }
}
