using System.Runtime.CompilerServices;

namespace Edge.Device.Native
{
    /// <summary>
    /// The native kernels' entry points on the board: methods the firmware implements in C
    /// (firmware/Edge.Native, glued in by the stubs in firmware/Edge.Native/nanoframework), called by
    /// nanoCLR without interpreting IL. Each takes the managed engine's own arrays and offsets and
    /// computes exactly what the managed kernel of the same name computes; an index outside an array
    /// throws IndexOutOfRangeException, as the managed kernel would.
    /// <para>A firmware built without them throws on the first call (nanoCLR finds no code for an
    /// InternalCall method): <see cref="AbiVersion"/> is that probe, asked once at start.</para>
    /// <para>The host build of this assembly has the same methods bound by P/Invoke
    /// (../Host/NativeKernels.cs); a test keeps the two surfaces equal.</para>
    /// </summary>
    public static class NativeKernels
    {
        /// <summary>The version of the native code's entry points (EDGE_NATIVE_ABI_VERSION).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int AbiVersion();

        /// <summary>Bit 0: the native code uses the Cortex-M DSP (SIMD) instructions.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Features();

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void FullyConnectedInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Conv1DInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void MaxPool1DInt8(int[] p, sbyte[] arena, int input, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void AveragePool1DInt8(int[] p, sbyte[] arena, int input, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void ClampInt8(int[] p, sbyte[] arena, int input, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void AddInt8(int[] p, sbyte[] arena, int input1, int input2, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void MulInt8(int[] p, sbyte[] arena, int input1, int input2, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void LookupTableInt8(int[] p, sbyte[] weights, sbyte[] arena, int input, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void SoftmaxInt8(int[] p, int[] ints, sbyte[] arena, int input, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void ReshapeInt8(int[] p, sbyte[] arena, int input, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void TreeEnsembleInt8(int[] p, int[] ints, int[] arena32, sbyte[] arena8, int input, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Conv2DInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void MaxPool2DInt8(int[] p, sbyte[] arena, int input, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void AveragePool2DInt8(int[] p, sbyte[] arena, int input, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void PadInt8(int[] p, sbyte[] arena, int input, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void StridedCopyInt8(int[] p, sbyte[] arena, int input, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void ReduceInt8(int[] p, sbyte[] arena, int input, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void PReluInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void ArgMaxInt8(int[] p, sbyte[] arena, int input, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void MatMulInt8(int[] p, sbyte[] arena, int input1, int input2, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void GruInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena8, int[] arena32, int input, int output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void LstmInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena8, int[] arena32, int input, int output);

        /// <summary>A whole inference: every op of a graph flattened as edge_native.h describes, in order.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void InvokeInt8(int[] graph, sbyte[] weights, int[] ints, sbyte[] arena8, int[] arena32);

        /// <summary>Throws unless the drift layout describes cells and edges inside arrays of these sizes.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void DriftLayoutCheck(int[] layout, int cells, int edges);

        /// <summary>One sample's histogram update for every column (see edge_native.h for the layout); missing values stay out and their count goes to layout[3].</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void DriftObserve(int[] layout, int[] edges, int[] row, int offset,
            ushort[] window, long[] windowTailLow, long[] windowTailHigh, bool anomalous,
            ushort[] anomalousCounts, long[] anomalousTailLow, long[] anomalousTailHigh, ushort[] decayed);

        /// <summary>The decayed histogram's periodic decay: every cell loses (cell + 2^(shift-1)) &gt;&gt; shift.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void DriftDecay(ushort[] decayed, int shift);
    }
}
