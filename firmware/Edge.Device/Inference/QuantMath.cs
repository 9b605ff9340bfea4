using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// The golden integer arithmetic of every int8 kernel: TensorFlow Lite Micro's default
    /// ("double rounding") requantisation, the gemmlowp primitives it is built from. A real
    /// multiplier m is stored as (M, shift) with m ≈ M · 2^(shift-31), M in [2^30, 2^31).
    /// Rounding, written down once:
    /// <list type="bullet">
    /// <item>the doubling high multiply rounds to nearest with ties toward +infinity
    /// (floor(a·b/2^31 + 1/2)), saturating the one overflow case INT32_MIN·INT32_MIN;</item>
    /// <item>the right shift rounds to nearest with ties away from zero.</item>
    /// </list>
    /// The product needs 64 bits (software-emulated on Cortex-M, once per output element);
    /// accumulators are int32.
    /// </summary>
    public static class QuantMath
    {
        public const int Int8Min = -128;
        public const int Int8Max = 127;

        /// <summary>gemmlowp SaturatingRoundingDoublingHighMul: round(a·b / 2^31), ties toward +infinity.</summary>
        [HotPath]
        public static int SaturatingRoundingDoublingHighMul(int a, int b)
        {
            if (a == b && a == int.MinValue) return int.MaxValue;
            long ab = (long)a * b;
            long nudge = ab >= 0 ? (1L << 30) : (1L - (1L << 30));
            // C# long division truncates toward zero, as C++ does in gemmlowp.
            return (int)((ab + nudge) / (1L << 31));
        }

        /// <summary>gemmlowp RoundingDivideByPOT: x / 2^exponent, rounded to nearest, ties away from zero.</summary>
        [HotPath]
        public static int RoundingDivideByPot(int x, int exponent)
        {
            if (exponent <= 0) return x;
            int mask = (1 << exponent) - 1;
            int remainder = x & mask;
            int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
            return (x >> exponent) + (remainder > threshold ? 1 : 0);
        }

        /// <summary>TFLM MultiplyByQuantizedMultiplier: x · M · 2^(shift-31) with the rounding above.</summary>
        [HotPath]
        public static int MultiplyByQuantizedMultiplier(int x, int multiplier, int shift)
        {
            int left = shift > 0 ? shift : 0;
            int right = shift > 0 ? 0 : -shift;
            // The left shift wraps on overflow in TFLM too; the converter keeps |x|·2^left in range.
            return RoundingDivideByPot(SaturatingRoundingDoublingHighMul(x * (1 << left), multiplier), right);
        }

        [HotPath]
        public static int Clamp(int value, int min, int max)
        {
            if (value < min) return min;
            if (value > max) return max;
            return value;
        }
    }
}
