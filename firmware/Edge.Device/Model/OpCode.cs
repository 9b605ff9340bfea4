namespace Edge.Device.Model
{
    /// <summary>
    /// Operation codes of the .edgem graph. Numbers are part of the format: never reuse one.
    /// Each code has one kernel in <c>Edge.Device.Inference</c> that documents its parameters.
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

        public const int Count = 12;

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
                default: return "op " + code.ToString();
            }
        }

        /// <summary>Parameter count each code expects; the reader rejects any other.</summary>
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
                default: return -1;
            }
        }
    }
}
