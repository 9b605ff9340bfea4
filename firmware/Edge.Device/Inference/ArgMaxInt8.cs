using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// ArgMax along one axis, the input seen as [outer][depth][inner]: the index of the largest
    /// int8 value (the first one on ties, or the last with SelectLastIndex, as ONNX's
    /// select_last_index), written as an int8 tensor of scale 1 and zero point 0, so the
    /// dequantised output is the index itself.
    /// </summary>
    public static class ArgMaxInt8
    {
        public const int Outer = 0;
        public const int Depth = 1;
        public const int Inner = 2;
        public const int SelectLastIndex = 3;
        public const int ParameterCount = 4;

        public static void Check(ModelCheck c)
        {
            int[] p = c.P;
            c.Positive(p[Outer], "outer count");
            c.InRange(p[Depth], 1, QuantMath.Int8Max + 1, "depth");
            c.Positive(p[Inner], "inner count");
            c.InRange(p[SelectLastIndex], 0, 1, "select-last-index flag");
            c.Equal(c.Input(0, TensorType.Int8).ElementCount, p[Outer] * p[Depth] * p[Inner], "input elements");
            TensorInfo output = c.Output(0, TensorType.Int8);
            c.Equal(output.ElementCount, p[Outer] * p[Inner], "output elements");
            c.Equal(output.ZeroPoint, 0, "output zero point");
        }

        [HotPath]
        public static void Eval(int[] p, sbyte[] arena, int input, int output)
        {
            int depth = p[Depth];
            int inner = p[Inner];
            bool last = p[SelectLastIndex] != 0;
            int y = output;
            for (int o = 0; o < p[Outer]; o++)
            {
                int block = input + o * depth * inner;
                for (int i = 0; i < inner; i++)
                {
                    int best = 0;
                    int bestValue = arena[block + i];
                    for (int d = 1; d < depth; d++)
                    {
                        int v = arena[block + d * inner + i];
                        if (v > bestValue || (last && v == bestValue))
                        {
                            best = d;
                            bestValue = v;
                        }
                    }
                    arena[y++] = (sbyte)best;
                }
            }
        }
    }
}
