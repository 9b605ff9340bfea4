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

        public static bool IsKnown(int code)
        {
            return code > 0 && code < Count;
        }

        // Switches, not static tables: a table of names would sit on the board's heap for good
        // (nanoCLR keeps static arrays and strings there, about 900 B for these).
        public static string Name(int code)
        {
            switch (code)
            {
                case FullyConnected: return "FullyConnected";
                case Conv1D: return "Conv1D";
                case MaxPool1D: return "MaxPool1D";
                case AveragePool1D: return "AveragePool1D";
                case Clamp: return "Clamp";
                case Add: return "Add";
                case Mul: return "Mul";
                case LookupTable: return "LookupTable";
                case Softmax: return "Softmax";
                case Reshape: return "Reshape";
                case TreeEnsemble: return "TreeEnsemble";
                case Conv2D: return "Conv2D";
                case MaxPool2D: return "MaxPool2D";
                case AveragePool2D: return "AveragePool2D";
                case Pad: return "Pad";
                case StridedCopy: return "StridedCopy";
                case Reduce: return "Reduce";
                case PRelu: return "PRelu";
                case ArgMax: return "ArgMax";
                case MatMul: return "MatMul";
                case Gru: return "Gru";
                case Lstm: return "Lstm";
                default: return "op " + code.ToString();
            }
        }

        /// <summary>Parameter count each code expects (the reader rejects any other); -1 for an unknown code.</summary>
        public static int ParameterCount(int code)
        {
            switch (code)
            {
                case FullyConnected: return Inference.FullyConnectedInt8.ParameterCount;
                case Conv1D: return Inference.Conv1DInt8.ParameterCount;
                case MaxPool1D: return Inference.MaxPool1DInt8.ParameterCount;
                case AveragePool1D: return Inference.AveragePool1DInt8.ParameterCount;
                case Clamp: return Inference.ClampInt8.ParameterCount;
                case Add: return Inference.AddInt8.ParameterCount;
                case Mul: return Inference.MulInt8.ParameterCount;
                case LookupTable: return Inference.LookupTableInt8.ParameterCount;
                case Softmax: return Inference.SoftmaxInt8.ParameterCount;
                case Reshape: return Inference.ReshapeInt8.ParameterCount;
                case TreeEnsemble: return Inference.TreeEnsembleInt8.ParameterCount;
                case Conv2D: return Inference.Conv2DInt8.ParameterCount;
                case MaxPool2D: return Inference.MaxPool2DInt8.ParameterCount;
                case AveragePool2D: return Inference.AveragePool2DInt8.ParameterCount;
                case Pad: return Inference.PadInt8.ParameterCount;
                case StridedCopy: return Inference.StridedCopyInt8.ParameterCount;
                case Reduce: return Inference.ReduceInt8.ParameterCount;
                case PRelu: return Inference.PReluInt8.ParameterCount;
                case ArgMax: return Inference.ArgMaxInt8.ParameterCount;
                case MatMul: return Inference.MatMulInt8.ParameterCount;
                case Gru: return Inference.GruInt8.ParameterCount;
                case Lstm: return Inference.LstmInt8.ParameterCount;
                default: return -1;
            }
        }
    }
}
