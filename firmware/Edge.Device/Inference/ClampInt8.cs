using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// ReLU, ReLU6 and Clip that could not be fused into the op before them: input and output share
    /// quantisation, so the activation is only a clamp to [Q(lo), Q(hi)] (TFLM's
    /// CalculateActivationRangeQuantized; the converter computes the bounds).
    /// </summary>
    public static class ClampInt8
    {
        public const int Count = 0;
        public const int Min = 1;
        public const int Max = 2;
        public const int ParameterCount = 3;

        public static void Check(ModelCheck c)
        {
            c.ElementWise(c.P[Count], true);
            c.InRange(c.P[Min], QuantMath.Int8Min, c.P[Max], "min");
            c.InRange(c.P[Max], c.P[Min], QuantMath.Int8Max, "max");
        }

        [HotPath]
        public static void Eval(int[] p, sbyte[] arena, int input, int output)
        {
            int count = p[Count];
            int min = p[Min];
            int max = p[Max];
            for (int i = 0; i < count; i++)
            {
                arena[output + i] = (sbyte)QuantMath.Clamp(arena[input + i], min, max);
            }
        }
    }
}
