using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// Softmax over the last axis by table. With d = max(x) - x in [0, 255], e(d) = exp(-d·s_in)
    /// in Q15 comes from a 256-entry table, and out = round(256·e / Σe) - 128: TFLM's fixed output
    /// quantisation for int8 softmax (scale 1/256, zero point -128), clamped to 127.
    /// </summary>
    public static class SoftmaxInt8
    {
        public const int Rows = 0;
        public const int Depth = 1;
        public const int ExpTableAt = 2;  // int32 data: 256 entries, exp(-d·s_in) in Q15
        public const int ParameterCount = 3;

        public const int TableLength = 256;
        public const int MaxDepth = 1 << 15;  // keeps Σe below 2^30

        public static void Check(ModelCheck c)
        {
            c.Positive(c.P[Rows], "rows");
            c.InRange(c.P[Depth], 1, MaxDepth, "depth");
            c.Equal(c.Input(0, TensorType.Int8).ElementCount, c.P[Rows] * c.P[Depth], "input elements");
            TensorInfo output = c.Output(0, TensorType.Int8);
            c.Equal(output.ElementCount, c.P[Rows] * c.P[Depth], "output elements");
            c.Equal(output.ZeroPoint, QuantMath.Int8Min, "output zero point");
            c.Ints(c.P[ExpTableAt], TableLength, "exp table");
            for (int d = 0; d < TableLength; d++) c.InRange(c.IntAt(c.P[ExpTableAt] + d), 0, 1 << 15, "exp table entry");
            c.Equal(c.IntAt(c.P[ExpTableAt]), 1 << 15, "exp table entry 0");
        }

        [HotPath]
        public static void Eval(int[] p, int[] ints, sbyte[] arena, int input, int output)
        {
            int rows = p[Rows];
            int depth = p[Depth];
            int table = p[ExpTableAt];
            for (int r = 0; r < rows; r++)
            {
                int x = input + r * depth;
                int y = output + r * depth;
                int max = QuantMath.Int8Min;
                for (int i = 0; i < depth; i++)
                {
                    if (arena[x + i] > max) max = arena[x + i];
                }
                int sum = 0;
                for (int i = 0; i < depth; i++) sum += ints[table + max - arena[x + i]];
                for (int i = 0; i < depth; i++)
                {
                    int e = ints[table + max - arena[x + i]];
                    // e·256 < 2^24 and sum >= 2^15: no overflow; rounding half up (both positive).
                    int q = (e * 256 + sum / 2) / sum + QuantMath.Int8Min;
                    arena[y + i] = (sbyte)QuantMath.Clamp(q, QuantMath.Int8Min, QuantMath.Int8Max);
                }
            }
        }
    }
}
