using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// MatMul of two activations, A [batches][rows][depth] by B [batches][depth][columns], as
    /// TFLM's BatchMatMul: out[b,r,c] = clamp(MBQM(Σ_d (A[b,r,d] - zp_a)(B[b,d,c] - zp_b), M, s) + zp_out),
    /// M = s_a·s_b/s_out. (A constant operand is a fully connected op instead.)
    /// </summary>
    public static class MatMulInt8
    {
        public const int Batches = 0;
        public const int Rows = 1;
        public const int Depth = 2;
        public const int Columns = 3;
        public const int Input1Offset = 4;   // -zp_a
        public const int Input2Offset = 5;   // -zp_b
        public const int Multiplier = 6;
        public const int Shift = 7;
        public const int OutputZeroPoint = 8;
        public const int ActivationMin = 9;
        public const int ActivationMax = 10;
        public const int ParameterCount = 11;

        /// <summary>Keeps Σ of products of at most 255² inside int32.</summary>
        public const int MaxDepth = 1 << 15;

        public static void Check(ModelCheck c)
        {
            int[] p = c.P;
            c.Positive(p[Batches], "batches");
            c.Positive(p[Rows], "rows");
            c.InRange(p[Depth], 1, MaxDepth, "depth");
            c.Positive(p[Columns], "columns");
            c.InRange(p[Input1Offset], -QuantMath.Int8Max, -QuantMath.Int8Min, "input 1 offset");
            c.InRange(p[Input2Offset], -QuantMath.Int8Max, -QuantMath.Int8Min, "input 2 offset");
            c.InRange(p[Shift], -31, 30, "shift");
            c.InRange(p[OutputZeroPoint], QuantMath.Int8Min, QuantMath.Int8Max, "output zero point");
            c.ActivationRange(p[ActivationMin], p[ActivationMax]);
            c.Equal(c.Input(0, TensorType.Int8).ElementCount, p[Batches] * p[Rows] * p[Depth], "input 1 elements");
            c.Equal(c.Input(1, TensorType.Int8).ElementCount, p[Batches] * p[Depth] * p[Columns], "input 2 elements");
            c.Equal(c.Output(0, TensorType.Int8).ElementCount, p[Batches] * p[Rows] * p[Columns], "output elements");
        }

        [HotPath]
        public static void Eval(int[] p, sbyte[] arena, int input1, int input2, int output)
        {
            int rows = p[Rows];
            int depth = p[Depth];
            int columns = p[Columns];
            int offset1 = p[Input1Offset];
            int offset2 = p[Input2Offset];
            int y = output;
            for (int b = 0; b < p[Batches]; b++)
            {
                int a = input1 + b * rows * depth;
                int m = input2 + b * depth * columns;
                for (int r = 0; r < rows; r++)
                {
                    for (int col = 0; col < columns; col++)
                    {
                        int acc = 0;
                        for (int d = 0; d < depth; d++) acc += (arena[a + r * depth + d] + offset1) * (arena[m + d * columns + col] + offset2);
                        acc = QuantMath.MultiplyByQuantizedMultiplier(acc, p[Multiplier], p[Shift]) + p[OutputZeroPoint];
                        arena[y++] = (sbyte)QuantMath.Clamp(acc, p[ActivationMin], p[ActivationMax]);
                    }
                }
            }
        }
    }
}
