using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// PRelu with a slope per channel, the input seen as [outer][channels][inner], as TFLM's
    /// integer PRelu with per-channel alpha: with v = x - zp_in, out = MBQM(v, M+, s+) + zp_out
    /// for v >= 0 and MBQM(v·α_q[c], M-[c], s-[c]) + zp_out below, α quantised symmetric per
    /// channel like weights (so M-[c] = s_in·s_α[c]/s_out and M+ = s_in/s_out).
    /// </summary>
    public static class PReluInt8
    {
        public const int Outer = 0;
        public const int Channels = 1;
        public const int Inner = 2;
        public const int InputOffset = 3;           // -zp_in
        public const int PositiveMultiplier = 4;
        public const int PositiveShift = 5;
        public const int AlphaAt = 6;               // weights: Channels int8 slopes
        public const int NegativeMultipliersAt = 7; // int32 data: Channels
        public const int NegativeShiftsAt = 8;      // int32 data: Channels
        public const int OutputZeroPoint = 9;
        public const int ActivationMin = 10;
        public const int ActivationMax = 11;
        public const int ParameterCount = 12;

        public static void Check(ModelCheck c)
        {
            int[] p = c.P;
            c.Positive(p[Outer], "outer count");
            c.Positive(p[Channels], "channels");
            c.Positive(p[Inner], "inner count");
            c.InRange(p[InputOffset], -QuantMath.Int8Max, -QuantMath.Int8Min, "input offset");
            c.InRange(p[PositiveShift], -31, 30, "positive shift");
            c.Weights(p[AlphaAt], p[Channels], "slopes");
            c.Ints(p[NegativeMultipliersAt], p[Channels], "negative multipliers");
            c.Shifts(p[NegativeShiftsAt], p[Channels]);
            c.InRange(p[OutputZeroPoint], QuantMath.Int8Min, QuantMath.Int8Max, "output zero point");
            c.ActivationRange(p[ActivationMin], p[ActivationMax]);
            int count = p[Outer] * p[Channels] * p[Inner];
            c.Equal(c.Input(0, TensorType.Int8).ElementCount, count, "input elements");
            c.Equal(c.Output(0, TensorType.Int8).ElementCount, count, "output elements");
        }

        [HotPath]
        public static void Eval(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output)
        {
            int channels = p[Channels];
            int inner = p[Inner];
            int inputOffset = p[InputOffset];
            int positiveMultiplier = p[PositiveMultiplier];
            int positiveShift = p[PositiveShift];
            int zeroPoint = p[OutputZeroPoint];
            int min = p[ActivationMin];
            int max = p[ActivationMax];
            int at = 0;
            for (int o = 0; o < p[Outer]; o++)
            {
                for (int ch = 0; ch < channels; ch++)
                {
                    int alpha = weights[p[AlphaAt] + ch];
                    int negativeMultiplier = ints[p[NegativeMultipliersAt] + ch];
                    int negativeShift = ints[p[NegativeShiftsAt] + ch];
                    for (int i = 0; i < inner; i++)
                    {
                        int v = arena[input + at] + inputOffset;
                        v = v >= 0
                            ? QuantMath.MultiplyByQuantizedMultiplier(v, positiveMultiplier, positiveShift)
                            : QuantMath.MultiplyByQuantizedMultiplier(v * alpha, negativeMultiplier, negativeShift);
                        arena[output + at] = (sbyte)QuantMath.Clamp(v + zeroPoint, min, max);
                        at++;
                    }
                }
            }
        }
    }
}
