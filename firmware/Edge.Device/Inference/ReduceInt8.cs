using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// ReduceSum, ReduceMean and ReduceMax over one run of adjacent axes, the input seen as
    /// [outer][reduce][inner]: out[o,i] = clamp(MBQM(acc, M, shift) + zp_out), where acc is
    /// Σ_r (x[o,r,i] - zp_in) (sum; the mean's 1/n is in M = s_in/(n·s_out)) or
    /// max_r x[o,r,i] - zp_in (max, M = s_in/s_out). Global average pooling over 2-D is a mean.
    /// </summary>
    public static class ReduceInt8
    {
        public const int Outer = 0;
        public const int ReduceCount = 1;
        public const int Inner = 2;
        public const int Mode = 3;           // ModeSum or ModeMax
        public const int InputOffset = 4;    // -zp_in
        public const int Multiplier = 5;
        public const int Shift = 6;
        public const int OutputZeroPoint = 7;
        public const int ActivationMin = 8;
        public const int ActivationMax = 9;
        public const int ParameterCount = 10;

        public const int ModeSum = 0;
        public const int ModeMax = 1;

        /// <summary>Keeps Σ(x - zp_in), at most 255 per element, inside int32.</summary>
        public const int MaxReduceCount = 1 << 22;

        public static void Check(ModelCheck c)
        {
            int[] p = c.P;
            c.Positive(p[Outer], "outer count");
            c.InRange(p[ReduceCount], 1, MaxReduceCount, "reduced count");
            c.Positive(p[Inner], "inner count");
            c.InRange(p[Mode], ModeSum, ModeMax, "mode");
            c.InRange(p[InputOffset], -QuantMath.Int8Max, -QuantMath.Int8Min, "input offset");
            c.InRange(p[Shift], -31, 30, "shift");
            c.InRange(p[OutputZeroPoint], QuantMath.Int8Min, QuantMath.Int8Max, "output zero point");
            c.ActivationRange(p[ActivationMin], p[ActivationMax]);
            c.Equal(c.Input(0, TensorType.Int8).ElementCount, p[Outer] * p[ReduceCount] * p[Inner], "input elements");
            c.Equal(c.Output(0, TensorType.Int8).ElementCount, p[Outer] * p[Inner], "output elements");
        }

        [HotPath]
        public static void Eval(int[] p, sbyte[] arena, int input, int output)
        {
            int n = p[ReduceCount];
            int inner = p[Inner];
            bool isMax = p[Mode] == ModeMax;
            int inputOffset = p[InputOffset];
            int y = output;
            for (int o = 0; o < p[Outer]; o++)
            {
                int block = input + o * n * inner;
                for (int i = 0; i < inner; i++)
                {
                    int acc = isMax ? QuantMath.Int8Min : 0;
                    for (int r = 0; r < n; r++)
                    {
                        int v = arena[block + r * inner + i];
                        if (isMax)
                        {
                            if (v > acc) acc = v;
                        }
                        else
                        {
                            acc += v + inputOffset;
                        }
                    }
                    if (isMax) acc += inputOffset;
                    acc = QuantMath.MultiplyByQuantizedMultiplier(acc, p[Multiplier], p[Shift]) + p[OutputZeroPoint];
                    arena[y++] = (sbyte)QuantMath.Clamp(acc, p[ActivationMin], p[ActivationMax]);
                }
            }
        }
    }
}
