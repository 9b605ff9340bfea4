using System;
using System.Runtime.InteropServices;

namespace Edge.Device.Native
{
    /// <summary>
    /// The host build of the native kernels' entry points: the same methods as the board's
    /// InternalCall declarations (../Interop/NativeKernels.cs), bound by P/Invoke to the native
    /// library built from firmware/Edge.Native for this machine ("edgenative", e.g.
    /// libedgenative.so). The process finds the library as any other (next to the program, on the
    /// loader's path, or through a DllImportResolver); without it every call throws
    /// DllNotFoundException and the device code keeps its managed kernels.
    /// <para>The C code's status becomes the exception the managed kernel would throw:
    /// IndexOutOfRangeException, DivideByZeroException, or ArgumentException for parameters the
    /// native code refuses to run where the managed kernel would loop for ever or index with
    /// wrapped arithmetic (a tree node that is its own child, window arithmetic past int32).</para>
    /// </summary>
    public static unsafe partial class NativeKernels
    {
        public const string LibraryName = "edgenative";

        public static int AbiVersion() => edge_native_abi_version();

        public static int Features() => edge_native_features();

        public static void FullyConnectedInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output)
        {
            fixed (int* pp = p) fixed (sbyte* w = weights) fixed (int* i = ints) fixed (sbyte* a = arena)
                Check(edge_fully_connected_int8(pp, p.Length, w, weights.Length, i, ints.Length, a, arena.Length, input, output), nameof(FullyConnectedInt8));
        }

        public static void Conv1DInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output)
        {
            fixed (int* pp = p) fixed (sbyte* w = weights) fixed (int* i = ints) fixed (sbyte* a = arena)
                Check(edge_conv1d_int8(pp, p.Length, w, weights.Length, i, ints.Length, a, arena.Length, input, output), nameof(Conv1DInt8));
        }

        public static void MaxPool1DInt8(int[] p, sbyte[] arena, int input, int output)
        {
            fixed (int* pp = p) fixed (sbyte* a = arena)
                Check(edge_max_pool1d_int8(pp, p.Length, a, arena.Length, input, output), nameof(MaxPool1DInt8));
        }

        public static void AveragePool1DInt8(int[] p, sbyte[] arena, int input, int output)
        {
            fixed (int* pp = p) fixed (sbyte* a = arena)
                Check(edge_average_pool1d_int8(pp, p.Length, a, arena.Length, input, output), nameof(AveragePool1DInt8));
        }

        public static void ClampInt8(int[] p, sbyte[] arena, int input, int output)
        {
            fixed (int* pp = p) fixed (sbyte* a = arena)
                Check(edge_clamp_int8(pp, p.Length, a, arena.Length, input, output), nameof(ClampInt8));
        }

        public static void AddInt8(int[] p, sbyte[] arena, int input1, int input2, int output)
        {
            fixed (int* pp = p) fixed (sbyte* a = arena)
                Check(edge_add_int8(pp, p.Length, a, arena.Length, input1, input2, output), nameof(AddInt8));
        }

        public static void MulInt8(int[] p, sbyte[] arena, int input1, int input2, int output)
        {
            fixed (int* pp = p) fixed (sbyte* a = arena)
                Check(edge_mul_int8(pp, p.Length, a, arena.Length, input1, input2, output), nameof(MulInt8));
        }

        public static void LookupTableInt8(int[] p, sbyte[] weights, sbyte[] arena, int input, int output)
        {
            fixed (int* pp = p) fixed (sbyte* w = weights) fixed (sbyte* a = arena)
                Check(edge_lookup_table_int8(pp, p.Length, w, weights.Length, a, arena.Length, input, output), nameof(LookupTableInt8));
        }

        public static void SoftmaxInt8(int[] p, int[] ints, sbyte[] arena, int input, int output)
        {
            fixed (int* pp = p) fixed (int* i = ints) fixed (sbyte* a = arena)
                Check(edge_softmax_int8(pp, p.Length, i, ints.Length, a, arena.Length, input, output), nameof(SoftmaxInt8));
        }

        public static void ReshapeInt8(int[] p, sbyte[] arena, int input, int output)
        {
            fixed (int* pp = p) fixed (sbyte* a = arena)
                Check(edge_reshape_int8(pp, p.Length, a, arena.Length, input, output), nameof(ReshapeInt8));
        }

        public static void TreeEnsembleInt8(int[] p, int[] ints, int[] arena32, sbyte[] arena8, int input, int output)
        {
            fixed (int* pp = p) fixed (int* i = ints) fixed (int* a32 = arena32) fixed (sbyte* a8 = arena8)
                Check(edge_tree_ensemble_int8(pp, p.Length, i, ints.Length, a32, arena32.Length, a8, arena8.Length, input, output), nameof(TreeEnsembleInt8));
        }

        public static void Conv2DInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output)
        {
            fixed (int* pp = p) fixed (sbyte* w = weights) fixed (int* i = ints) fixed (sbyte* a = arena)
                Check(edge_conv2d_int8(pp, p.Length, w, weights.Length, i, ints.Length, a, arena.Length, input, output), nameof(Conv2DInt8));
        }

        public static void MaxPool2DInt8(int[] p, sbyte[] arena, int input, int output)
        {
            fixed (int* pp = p) fixed (sbyte* a = arena)
                Check(edge_max_pool2d_int8(pp, p.Length, a, arena.Length, input, output), nameof(MaxPool2DInt8));
        }

        public static void AveragePool2DInt8(int[] p, sbyte[] arena, int input, int output)
        {
            fixed (int* pp = p) fixed (sbyte* a = arena)
                Check(edge_average_pool2d_int8(pp, p.Length, a, arena.Length, input, output), nameof(AveragePool2DInt8));
        }

        public static void PadInt8(int[] p, sbyte[] arena, int input, int output)
        {
            fixed (int* pp = p) fixed (sbyte* a = arena)
                Check(edge_pad_int8(pp, p.Length, a, arena.Length, input, output), nameof(PadInt8));
        }

        public static void StridedCopyInt8(int[] p, sbyte[] arena, int input, int output)
        {
            fixed (int* pp = p) fixed (sbyte* a = arena)
                Check(edge_strided_copy_int8(pp, p.Length, a, arena.Length, input, output), nameof(StridedCopyInt8));
        }

        public static void ReduceInt8(int[] p, sbyte[] arena, int input, int output)
        {
            fixed (int* pp = p) fixed (sbyte* a = arena)
                Check(edge_reduce_int8(pp, p.Length, a, arena.Length, input, output), nameof(ReduceInt8));
        }

        public static void PReluInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output)
        {
            fixed (int* pp = p) fixed (sbyte* w = weights) fixed (int* i = ints) fixed (sbyte* a = arena)
                Check(edge_prelu_int8(pp, p.Length, w, weights.Length, i, ints.Length, a, arena.Length, input, output), nameof(PReluInt8));
        }

        public static void ArgMaxInt8(int[] p, sbyte[] arena, int input, int output)
        {
            fixed (int* pp = p) fixed (sbyte* a = arena)
                Check(edge_argmax_int8(pp, p.Length, a, arena.Length, input, output), nameof(ArgMaxInt8));
        }

        public static void MatMulInt8(int[] p, sbyte[] arena, int input1, int input2, int output)
        {
            fixed (int* pp = p) fixed (sbyte* a = arena)
                Check(edge_matmul_int8(pp, p.Length, a, arena.Length, input1, input2, output), nameof(MatMulInt8));
        }

        public static void GruInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena8, int[] arena32, int input, int output)
        {
            fixed (int* pp = p) fixed (sbyte* w = weights) fixed (int* i = ints) fixed (sbyte* a8 = arena8) fixed (int* a32 = arena32)
                Check(edge_gru_int8(pp, p.Length, w, weights.Length, i, ints.Length, a8, arena8.Length, a32, arena32.Length, input, output), nameof(GruInt8));
        }

        public static void LstmInt8(int[] p, sbyte[] weights, int[] ints, sbyte[] arena8, int[] arena32, int input, int output)
        {
            fixed (int* pp = p) fixed (sbyte* w = weights) fixed (int* i = ints) fixed (sbyte* a8 = arena8) fixed (int* a32 = arena32)
                Check(edge_lstm_int8(pp, p.Length, w, weights.Length, i, ints.Length, a8, arena8.Length, a32, arena32.Length, input, output), nameof(LstmInt8));
        }

        public static void InvokeInt8(int[] graph, sbyte[] weights, int[] ints, sbyte[] arena8, int[] arena32)
        {
            fixed (int* g = graph) fixed (sbyte* w = weights) fixed (int* i = ints) fixed (sbyte* a8 = arena8) fixed (int* a32 = arena32)
                Check(edge_invoke_int8(g, graph.Length, w, weights.Length, i, ints.Length, a8, arena8.Length, a32, arena32.Length, null), nameof(InvokeInt8));
        }

        public static void DriftLayoutCheck(int[] layout, int cells, int edges)
        {
            fixed (int* l = layout)
                Check(edge_drift_layout_check(l, layout.Length, cells, edges), nameof(DriftLayoutCheck));
        }

        public static void DriftObserve(int[] layout, int[] edges, int[] row, int offset,
            ushort[] window, long[] windowTailLow, long[] windowTailHigh, bool anomalous,
            ushort[] anomalousCounts, long[] anomalousTailLow, long[] anomalousTailHigh, ushort[] decayed)
        {
            fixed (int* l = layout) fixed (int* e = edges) fixed (int* r = row)
            fixed (ushort* w = window) fixed (long* wl = windowTailLow) fixed (long* wh = windowTailHigh)
            fixed (ushort* a = anomalousCounts) fixed (long* al = anomalousTailLow) fixed (long* ah = anomalousTailHigh)
            fixed (ushort* d = decayed)
                Check(edge_drift_observe(l, layout.Length, e, edges.Length, r, row.Length, offset,
                    w, window.Length, wl, windowTailLow.Length, wh, windowTailHigh.Length, anomalous ? 1 : 0,
                    a, anomalousCounts.Length, al, anomalousTailLow.Length, ah, anomalousTailHigh.Length,
                    d, decayed.Length), nameof(DriftObserve));
        }

        public static void DriftDecay(ushort[] decayed, int shift)
        {
            fixed (ushort* d = decayed)
                Check(edge_drift_decay(d, decayed.Length, shift), nameof(DriftDecay));
        }

        private static void Check(int status, string kernel)
        {
            switch (status)
            {
                case 0: return;
                case -1: throw new IndexOutOfRangeException(kernel + ": an element it would read or write (or a parameter) lies outside its array");
                case -2: throw new DivideByZeroException(kernel + ": a division by zero (a pooling window without elements, a softmax row summing to 0)");
                case -3: throw new ArgumentException(kernel + ": parameters the native kernel refuses to run (a tree walk that never ends, window arithmetic that wraps, an unsound drift layout)");
                default: throw new InvalidOperationException(kernel + ": unknown native status " + status);
            }
        }

        [LibraryImport(LibraryName)] private static partial int edge_native_abi_version();
        [LibraryImport(LibraryName)] private static partial int edge_native_features();
        [LibraryImport(LibraryName)] private static partial int edge_fully_connected_int8(int* p, int pCount, sbyte* weights, int weightsCount, int* ints, int intsCount, sbyte* arena, int arenaCount, int input, int output);
        [LibraryImport(LibraryName)] private static partial int edge_conv1d_int8(int* p, int pCount, sbyte* weights, int weightsCount, int* ints, int intsCount, sbyte* arena, int arenaCount, int input, int output);
        [LibraryImport(LibraryName)] private static partial int edge_max_pool1d_int8(int* p, int pCount, sbyte* arena, int arenaCount, int input, int output);
        [LibraryImport(LibraryName)] private static partial int edge_average_pool1d_int8(int* p, int pCount, sbyte* arena, int arenaCount, int input, int output);
        [LibraryImport(LibraryName)] private static partial int edge_clamp_int8(int* p, int pCount, sbyte* arena, int arenaCount, int input, int output);
        [LibraryImport(LibraryName)] private static partial int edge_add_int8(int* p, int pCount, sbyte* arena, int arenaCount, int input1, int input2, int output);
        [LibraryImport(LibraryName)] private static partial int edge_mul_int8(int* p, int pCount, sbyte* arena, int arenaCount, int input1, int input2, int output);
        [LibraryImport(LibraryName)] private static partial int edge_lookup_table_int8(int* p, int pCount, sbyte* weights, int weightsCount, sbyte* arena, int arenaCount, int input, int output);
        [LibraryImport(LibraryName)] private static partial int edge_softmax_int8(int* p, int pCount, int* ints, int intsCount, sbyte* arena, int arenaCount, int input, int output);
        [LibraryImport(LibraryName)] private static partial int edge_reshape_int8(int* p, int pCount, sbyte* arena, int arenaCount, int input, int output);
        [LibraryImport(LibraryName)] private static partial int edge_tree_ensemble_int8(int* p, int pCount, int* ints, int intsCount, int* arena32, int arena32Count, sbyte* arena8, int arena8Count, int input, int output);
        [LibraryImport(LibraryName)] private static partial int edge_conv2d_int8(int* p, int pCount, sbyte* weights, int weightsCount, int* ints, int intsCount, sbyte* arena, int arenaCount, int input, int output);
        [LibraryImport(LibraryName)] private static partial int edge_max_pool2d_int8(int* p, int pCount, sbyte* arena, int arenaCount, int input, int output);
        [LibraryImport(LibraryName)] private static partial int edge_average_pool2d_int8(int* p, int pCount, sbyte* arena, int arenaCount, int input, int output);
        [LibraryImport(LibraryName)] private static partial int edge_pad_int8(int* p, int pCount, sbyte* arena, int arenaCount, int input, int output);
        [LibraryImport(LibraryName)] private static partial int edge_strided_copy_int8(int* p, int pCount, sbyte* arena, int arenaCount, int input, int output);
        [LibraryImport(LibraryName)] private static partial int edge_reduce_int8(int* p, int pCount, sbyte* arena, int arenaCount, int input, int output);
        [LibraryImport(LibraryName)] private static partial int edge_prelu_int8(int* p, int pCount, sbyte* weights, int weightsCount, int* ints, int intsCount, sbyte* arena, int arenaCount, int input, int output);
        [LibraryImport(LibraryName)] private static partial int edge_argmax_int8(int* p, int pCount, sbyte* arena, int arenaCount, int input, int output);
        [LibraryImport(LibraryName)] private static partial int edge_matmul_int8(int* p, int pCount, sbyte* arena, int arenaCount, int input1, int input2, int output);
        [LibraryImport(LibraryName)] private static partial int edge_gru_int8(int* p, int pCount, sbyte* weights, int weightsCount, int* ints, int intsCount, sbyte* arena8, int arena8Count, int* arena32, int arena32Count, int input, int output);
        [LibraryImport(LibraryName)] private static partial int edge_lstm_int8(int* p, int pCount, sbyte* weights, int weightsCount, int* ints, int intsCount, sbyte* arena8, int arena8Count, int* arena32, int arena32Count, int input, int output);
        [LibraryImport(LibraryName)] private static partial int edge_invoke_int8(int* graph, int graphCount, sbyte* weights, int weightsCount, int* ints, int intsCount, sbyte* arena8, int arena8Count, int* arena32, int arena32Count, int* failedOp);
        [LibraryImport(LibraryName)] private static partial int edge_drift_layout_check(int* layout, int layoutCount, int cells, int edges);
        [LibraryImport(LibraryName)] private static partial int edge_drift_observe(int* layout, int layoutCount, int* edges, int edgesCount, int* row, int rowCount, int offset,
            ushort* window, int windowCount, long* windowTailLow, int windowTailLowCount, long* windowTailHigh, int windowTailHighCount, int anomalous,
            ushort* anomalousCounts, int anomalousCount, long* anomalousTailLow, int anomalousTailLowCount, long* anomalousTailHigh, int anomalousTailHighCount,
            ushort* decayed, int decayedCount);
        [LibraryImport(LibraryName)] private static partial int edge_drift_decay(ushort* decayed, int decayedCount, int shift);
    }
}
