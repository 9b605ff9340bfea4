using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// Element-wise product of two int8 tensors of the same shape, as TFLM's reference integer Mul:
    /// out = clamp(MBQM((x1 - zp1)·(x2 - zp2), M, s) + zp_out), with M·2^(s-31) = s1·s2/s_out.
    /// </summary>
    public static class MulInt8
    {
        public const int Count = 0;
        public const int Input1Offset = 1;
        public const int Input2Offset = 2;
        public const int OutputMultiplier = 3;
        public const int OutputShift = 4;
        public const int OutputZeroPoint = 5;
        public const int ActivationMin = 6;
        public const int ActivationMax = 7;
        public const int ParameterCount = 8;

        public static void Check(ModelCheck c)
        {
            int[] p = c.P;
            c.ElementWise2(p[Count]);
            c.InRange(p[OutputShift], -31, 30, "output shift");
            c.ActivationRange(p[ActivationMin], p[ActivationMax]);
        }

        [HotPath]
        public static void Eval(int[] p, sbyte[] arena, int input1, int input2, int output)
        {
            int count = p[Count];
            for (int i = 0; i < count; i++)
            {
                int product = (arena[input1 + i] + p[Input1Offset]) * (arena[input2 + i] + p[Input2Offset]);
                int v = QuantMath.MultiplyByQuantizedMultiplier(product, p[OutputMultiplier], p[OutputShift]) + p[OutputZeroPoint];
                arena[output + i] = (sbyte)QuantMath.Clamp(v, p[ActivationMin], p[ActivationMax]);
            }
        }
    }
}
