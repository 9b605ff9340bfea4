using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// The kernels an <see cref="Interpreter"/> runs, one virtual method per op, named after the
    /// op's kernel class. This class is the managed reference: each method calls that kernel.
    /// <see cref="NativeInt8Kernels"/> overrides them with the firmware's native kernels, as TFLite
    /// Micro overrides its reference kernels with CMSIS-NN ones; both compute the same bytes.
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

        /// <summary>True when <see cref="Invoke"/> runs a whole graph in one call (then the interpreter flattens its ops once, at load).</summary>
        public virtual bool InvokesGraphs { get { return false; } }

        /// <summary>
        /// A whole inference in one call, the graph flattened as <see cref="Interpreter"/> builds
        /// it when <see cref="InvokesGraphs"/>: [0] op count, then per op its code, input 0,
        /// input 1, output, parameter count and parameters. The managed set walks the ops one at
        /// a time in the interpreter instead and never gets here.
        /// </summary>
        [HotPath]
        public virtual void Invoke(int[] graph, sbyte[] weights, int[] ints, sbyte[] arena8, int[] arena32)
        {
            throw new System.NotSupportedException("the managed kernels run one op at a time");
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
    }
}
