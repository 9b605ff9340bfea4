namespace Edge.Device.Model
{
    /// <summary>
    /// Operation codes of the .edgem graph, with each code's name and parameter count in one
    /// table. Numbers are part of the format: never reuse one. Each code has one kernel in
    /// <c>Edge.Device.Inference</c>, named <c>Name + "Int8"</c>, that documents its parameters;
    /// <c>Kernels.Check</c> (load) and <c>Int8Kernels.Run</c> (inference) are the only two
    /// switches over the codes.
    /// </summary>
    public static class OpCode
    {
        public const int FullyConnected = 1;
        public const int Conv1D = 2;
        public const int MaxPool1D = 3;
        public const int AveragePool1D = 4;
        public const int Clamp = 5;
        public const int Add = 6;
        public const int Mul = 7;
        public const int LookupTable = 8;
        public const int Softmax = 9;
        public const int Reshape = 10;
        public const int TreeEnsemble = 11;
        public const int Conv2D = 12;
        public const int MaxPool2D = 13;
        public const int AveragePool2D = 14;
        public const int Pad = 15;
        public const int StridedCopy = 16;
        public const int Reduce = 17;
        public const int PRelu = 18;
        public const int ArgMax = 19;
        public const int MatMul = 20;
        public const int Gru = 21;
        public const int Lstm = 22;

        /// <summary>One more than the highest code.</summary>
        public const int Count = 23;

        // Indexed by code; entry 0 is no op.
        private static readonly string[] Names =
        {
            null, "FullyConnected", "Conv1D", "MaxPool1D", "AveragePool1D", "Clamp", "Add", "Mul", "LookupTable", "Softmax",
            "Reshape", "TreeEnsemble", "Conv2D", "MaxPool2D", "AveragePool2D", "Pad", "StridedCopy", "Reduce", "PRelu",
            "ArgMax", "MatMul", "Gru", "Lstm",
        };

        private static readonly int[] ParameterCounts =
        {
            -1,
            Inference.FullyConnectedInt8.ParameterCount,
            Inference.Conv1DInt8.ParameterCount,
            Inference.MaxPool1DInt8.ParameterCount,
            Inference.AveragePool1DInt8.ParameterCount,
            Inference.ClampInt8.ParameterCount,
            Inference.AddInt8.ParameterCount,
            Inference.MulInt8.ParameterCount,
            Inference.LookupTableInt8.ParameterCount,
            Inference.SoftmaxInt8.ParameterCount,
            Inference.ReshapeInt8.ParameterCount,
            Inference.TreeEnsembleInt8.ParameterCount,
            Inference.Conv2DInt8.ParameterCount,
            Inference.MaxPool2DInt8.ParameterCount,
            Inference.AveragePool2DInt8.ParameterCount,
            Inference.PadInt8.ParameterCount,
            Inference.StridedCopyInt8.ParameterCount,
            Inference.ReduceInt8.ParameterCount,
            Inference.PReluInt8.ParameterCount,
            Inference.ArgMaxInt8.ParameterCount,
            Inference.MatMulInt8.ParameterCount,
            Inference.GruInt8.ParameterCount,
            Inference.LstmInt8.ParameterCount,
        };

        public static bool IsKnown(int code)
        {
            return code > 0 && code < Count;
        }

        public static string Name(int code)
        {
            return IsKnown(code) ? Names[code] : "op " + code.ToString();
        }

        /// <summary>Parameter count each code expects (the reader rejects any other); -1 for an unknown code.</summary>
        public static int ParameterCount(int code)
        {
            return IsKnown(code) ? ParameterCounts[code] : -1;
        }
    }
}
