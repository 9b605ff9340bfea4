using Edge.Device.Model;
using Edge.Device.Native;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// The firmware's native kernels (firmware/Edge.Native, through the interop assembly's
    /// <see cref="NativeKernels"/>) in place of the managed ones, op by op under the same names.
    /// Outputs are bit for bit the managed kernels' (the tests run both on every fixture model).
    /// The C library has every op code (1-22); an op added later and not overridden here runs the
    /// managed kernel, and the interpreter cuts the graph it hands to <see cref="Invoke"/> into
    /// runs of ops the library has (<see cref="InvokesInGraph"/>).
    /// </summary>
    public sealed class NativeInt8Kernels : Int8Kernels
    {
        public override string Name { get { return "native"; } }

        /// <summary>One InternalCall per inference: on nanoCLR each call costs thousands of instructions of interpreter work.</summary>
        public override bool InvokesGraphs { get { return true; } }

        /// <summary>The codes edge_invoke_int8 runs (its switch skips any other, so none may reach it).</summary>
        public override bool InvokesInGraph(int code)
        {
            return code >= OpCode.FullyConnected && code <= OpCode.Lstm;
        }

        [HotPath]
        public override void Invoke(int[] graph, sbyte[] weights, int[] ints, sbyte[] arena8, int[] arena32)
        {
            NativeKernels.InvokeInt8(graph, weights, ints, arena8, arena32);
        }

        [HotPath]
        public override void FullyConnectedInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output)
        {
            NativeKernels.FullyConnectedInt8(p, weights, ints, arena, input, output);
        }

        [HotPath]
        public override void Conv1DInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output)
        {
            NativeKernels.Conv1DInt8(p, weights, ints, arena, input, output);
        }

        [HotPath]
        public override void MaxPool1DInt8(int[] p, sbyte[] arena, int input, int output)
        {
            NativeKernels.MaxPool1DInt8(p, arena, input, output);
        }

        [HotPath]
        public override void AveragePool1DInt8(int[] p, sbyte[] arena, int input, int output)
        {
            NativeKernels.AveragePool1DInt8(p, arena, input, output);
        }

        [HotPath]
        public override void ClampInt8(int[] p, sbyte[] arena, int input, int output)
        {
            NativeKernels.ClampInt8(p, arena, input, output);
        }

        [HotPath]
        public override void AddInt8(int[] p, sbyte[] arena, int input1, int input2, int output)
        {
            NativeKernels.AddInt8(p, arena, input1, input2, output);
        }

        [HotPath]
        public override void MulInt8(int[] p, sbyte[] arena, int input1, int input2, int output)
        {
            NativeKernels.MulInt8(p, arena, input1, input2, output);
        }

        [HotPath]
        public override void LookupTableInt8(int[] p, sbyte[] weights, sbyte[] arena, int input, int output)
        {
            NativeKernels.LookupTableInt8(p, weights, arena, input, output);
        }

        [HotPath]
        public override void SoftmaxInt8(int[] p, int[] ints, sbyte[] arena, int input, int output)
        {
            NativeKernels.SoftmaxInt8(p, ints, arena, input, output);
        }

        [HotPath]
        public override void ReshapeInt8(int[] p, sbyte[] arena, int input, int output)
        {
            NativeKernels.ReshapeInt8(p, arena, input, output);
        }

        [HotPath]
        public override void TreeEnsembleInt8(int[] p, int[] ints, int[] arena32, sbyte[] arena8, int input, int output)
        {
            NativeKernels.TreeEnsembleInt8(p, ints, arena32, arena8, input, output);
        }

        [HotPath]
        public override void Conv2DInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output)
        {
            NativeKernels.Conv2DInt8(p, weights, ints, arena, input, output);
        }

        [HotPath]
        public override void MaxPool2DInt8(int[] p, sbyte[] arena, int input, int output)
        {
            NativeKernels.MaxPool2DInt8(p, arena, input, output);
        }

        [HotPath]
        public override void AveragePool2DInt8(int[] p, sbyte[] arena, int input, int output)
        {
            NativeKernels.AveragePool2DInt8(p, arena, input, output);
        }

        [HotPath]
        public override void PadInt8(int[] p, sbyte[] arena, int input, int output)
        {
            NativeKernels.PadInt8(p, arena, input, output);
        }

        [HotPath]
        public override void StridedCopyInt8(int[] p, sbyte[] arena, int input, int output)
        {
            NativeKernels.StridedCopyInt8(p, arena, input, output);
        }

        [HotPath]
        public override void ReduceInt8(int[] p, sbyte[] arena, int input, int output)
        {
            NativeKernels.ReduceInt8(p, arena, input, output);
        }

        [HotPath]
        public override void PReluInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output)
        {
            NativeKernels.PReluInt8(p, weights, ints, arena, input, output);
        }

        [HotPath]
        public override void ArgMaxInt8(int[] p, sbyte[] arena, int input, int output)
        {
            NativeKernels.ArgMaxInt8(p, arena, input, output);
        }

        [HotPath]
        public override void MatMulInt8(int[] p, sbyte[] arena, int input1, int input2, int output)
        {
            NativeKernels.MatMulInt8(p, arena, input1, input2, output);
        }

        [HotPath]
        public override void GruInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena8, int[] arena32, int input, int output)
        {
            NativeKernels.GruInt8(p, weights, ints, arena8, arena32, input, output);
        }

        [HotPath]
        public override void LstmInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena8, int[] arena32, int input, int output)
        {
            NativeKernels.LstmInt8(p, weights, ints, arena8, arena32, input, output);
        }
    }
}
