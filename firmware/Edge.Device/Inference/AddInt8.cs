using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// Element-wise addition of two int8 tensors of the same shape with different scales, as TFLM's
    /// reference integer Add: both inputs are shifted left by LeftShift (20) to keep precision,
    /// rescaled to the common scale 2·max(s1, s2), summed, and requantised to the output.
    /// </summary>
    public static class AddInt8
    {
        public const int Count = 0;
        public const int Input1Offset = 1;     // -zp1
        public const int Input2Offset = 2;     // -zp2
        public const int LeftShift = 3;
        public const int Input1Multiplier = 4;
        public const int Input1Shift = 5;
        public const int Input2Multiplier = 6;
        public const int Input2Shift = 7;
        public const int OutputMultiplier = 8;
        public const int OutputShift = 9;
        public const int OutputZeroPoint = 10;
        public const int ActivationMin = 11;
        public const int ActivationMax = 12;
        public const int ParameterCount = 13;

        public static void Check(ModelCheck c)
        {
            int[] p = c.P;
            c.ElementWise2(p[Count]);
            c.InRange(p[LeftShift], 0, 20, "left shift");
            c.InRange(p[Input1Shift], -31, 0, "input 1 shift");
            c.InRange(p[Input2Shift], -31, 0, "input 2 shift");
            c.InRange(p[OutputShift], -31, 30, "output shift");
            c.ActivationRange(p[ActivationMin], p[ActivationMax]);
        }

        [HotPath]
        public static void Eval(int[] p, sbyte[] arena, int input1, int input2, int output)
        {
            int count = p[Count];
            int scale = 1 << p[LeftShift];
            for (int i = 0; i < count; i++)
            {
                int a = (arena[input1 + i] + p[Input1Offset]) * scale;
                int b = (arena[input2 + i] + p[Input2Offset]) * scale;
                int sum = QuantMath.MultiplyByQuantizedMultiplier(a, p[Input1Multiplier], p[Input1Shift])
                    + QuantMath.MultiplyByQuantizedMultiplier(b, p[Input2Multiplier], p[Input2Shift]);
                int v = QuantMath.MultiplyByQuantizedMultiplier(sum, p[OutputMultiplier], p[OutputShift]) + p[OutputZeroPoint];
                arena[output + i] = (sbyte)QuantMath.Clamp(v, p[ActivationMin], p[ActivationMax]);
            }
        }
    }
}
