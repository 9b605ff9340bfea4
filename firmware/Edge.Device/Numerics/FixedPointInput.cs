using Edge.Device.Runtime;

namespace Edge.Device.Numerics
{
    /// <summary>
    /// Converts measured values into the fixed-point form the drift sketches use: round(x * 2^shift)
    /// with a per-column shift chosen by the host so the reference range times a headroom factor
    /// fits an int32. Rounding is half away from zero; values beyond the int32 range saturate to
    /// ±int.MaxValue (they land in an end bin, which is where they belong). NaN, a missing value,
    /// becomes <see cref="Missing"/>, which no finite value converts to: the drift monitor counts it
    /// and keeps it out of the histograms.
    /// </summary>
    public static class FixedPointInput
    {
        /// <summary>A missing value (NaN): int.MinValue, outside the saturated range ±int.MaxValue.</summary>
        public const int Missing = int.MinValue;

        /// <summary>On the board: a float sample, one multiply by an exact power of two.</summary>
        [NoAlloc]
        public static int FromFloat(float x, int shift)
        {
            if (Codec.FloatBits.IsNaN(x)) return Missing;
            float scaled = x * PowerOfTwoF(shift);
            if (scaled >= 2147483647f) return int.MaxValue;
            if (scaled <= -2147483647f) return -int.MaxValue;
            // Truncate, then round on the exact remainder: adding 0.5f first would round again in float.
            float magnitude = scaled >= 0 ? scaled : -scaled;
            int whole = (int)magnitude;
            if (magnitude - whole >= 0.5f) whole++;
            return scaled >= 0 ? whole : -whole;
        }

        /// <summary>On the host (replay, profile building): the same rule in double precision.</summary>
        [NoAlloc]
        public static int FromDouble(double x, int shift)
        {
            if (Codec.FloatBits.IsNaN(x)) return Missing;
            double scaled = x * PowerOfTwo(shift);
            if (scaled >= 2147483647.0) return int.MaxValue;
            if (scaled <= -2147483647.0) return -int.MaxValue;
            double magnitude = scaled >= 0 ? scaled : -scaled;
            int whole = (int)magnitude;
            if (magnitude - whole >= 0.5) whole++;
            return scaled >= 0 ? whole : -whole;
        }

        /// <summary>The value a fixed-point number stands for (for reports, not hot paths).</summary>
        public static double ToDouble(long fixedValue, int shift)
        {
            return fixedValue / PowerOfTwo(shift);
        }

        [NoAlloc]
        public static double PowerOfTwo(int exponent)
        {
            double result = 1.0;
            double factor = exponent >= 0 ? 2.0 : 0.5;
            int steps = exponent >= 0 ? exponent : -exponent;
            for (int i = 0; i < steps; i++) result *= factor;
            return result;
        }

        [NoAlloc]
        private static float PowerOfTwoF(int exponent)
        {
            float result = 1.0f;
            float factor = exponent >= 0 ? 2.0f : 0.5f;
            int steps = exponent >= 0 ? exponent : -exponent;
            for (int i = 0; i < steps; i++) result *= factor;
            return result;
        }
    }
}
