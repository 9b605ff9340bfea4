using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// ONNX Pad over up to four axes (shapes given with leading 1s), input and output sharing
    /// quantisation: constant (the pad value quantised), reflect (mirrored without repeating the
    /// edge) and edge (the edge repeated) modes. Reflection reaches at most length - 1 elements out,
    /// as ONNX requires.
    /// </summary>
    public static class PadInt8
    {
        public const int In0 = 0;      // input dimensions, outermost first
        public const int In1 = 1;
        public const int In2 = 2;
        public const int In3 = 3;
        public const int Begin0 = 4;   // elements added before each axis
        public const int Begin1 = 5;
        public const int Begin2 = 6;
        public const int Begin3 = 7;
        public const int Out0 = 8;     // output dimensions
        public const int Out1 = 9;
        public const int Out2 = 10;
        public const int Out3 = 11;
        public const int Mode = 12;    // ModeConstant, ModeReflect, ModeEdge
        public const int Value = 13;   // constant mode: the pad value in the input's quantisation
        public const int ParameterCount = 14;

        public const int ModeConstant = 0;
        public const int ModeReflect = 1;
        public const int ModeEdge = 2;

        public static void Check(ModelCheck c)
        {
            int[] p = c.P;
            c.InRange(p[Mode], ModeConstant, ModeEdge, "mode");
            c.InRange(p[Value], QuantMath.Int8Min, QuantMath.Int8Max, "pad value");
            long inCount = 1;
            long outCount = 1;
            for (int a = 0; a < 4; a++)
            {
                int n = p[In0 + a];
                int m = p[Out0 + a];
                int begin = p[Begin0 + a];
                c.Positive(n, "input dimension " + a.ToString());
                c.Positive(m, "output dimension " + a.ToString());
                c.InRange(begin, 0, m - 1, "padding before axis " + a.ToString());
                c.InRange(m - n - begin, 0, m, "padding after axis " + a.ToString());
                if (p[Mode] == ModeReflect)
                {
                    c.InRange(begin, 0, n - 1, "reflected padding before axis " + a.ToString());
                    c.InRange(m - n - begin, 0, n - 1, "reflected padding after axis " + a.ToString());
                }
                inCount *= n;
                outCount *= m;
            }
            TensorInfo input = c.Input(0, TensorType.Int8);
            TensorInfo output = c.Output(0, TensorType.Int8);
            c.Equal(input.ElementCount, (int)inCount, "input elements");
            c.Equal(output.ElementCount, (int)outCount, "output elements");
            c.Equal(output.ZeroPoint, input.ZeroPoint, "output zero point (padding keeps the input's quantisation)");
        }

        [HotPath]
        public static void Eval(int[] p, sbyte[] arena, int input, int output)
        {
            int mode = p[Mode];
            int n1 = p[In1];
            int n2 = p[In2];
            int n3 = p[In3];
            int y = output;
            for (int o0 = 0; o0 < p[Out0]; o0++)
            {
                int i0 = Source(o0 - p[Begin0], p[In0], mode);
                for (int o1 = 0; o1 < p[Out1]; o1++)
                {
                    int i1 = Source(o1 - p[Begin1], n1, mode);
                    for (int o2 = 0; o2 < p[Out2]; o2++)
                    {
                        int i2 = Source(o2 - p[Begin2], n2, mode);
                        int row = i0 < 0 || i1 < 0 || i2 < 0 ? -1 : input + ((i0 * n1 + i1) * n2 + i2) * n3;
                        for (int o3 = 0; o3 < p[Out3]; o3++)
                        {
                            int i3 = Source(o3 - p[Begin3], n3, mode);
                            arena[y++] = row < 0 || i3 < 0 ? (sbyte)p[Value] : arena[row + i3];
                        }
                    }
                }
            }
        }

        /// <summary>The input index an output coordinate reads (t = output index - begin), or -1 for the constant.</summary>
        [HotPath]
        private static int Source(int t, int n, int mode)
        {
            if (t >= 0 && t < n) return t;
            if (mode == ModeConstant) return -1;
            if (mode == ModeEdge) return t < 0 ? 0 : n - 1;
            return t < 0 ? -t : 2 * (n - 1) - t;
        }
    }
}
