using Edge.Device.Runtime;

namespace Edge.Device.Numerics
{
    /// <summary>
    /// Integer-only logarithm, square root and ratios for the drift metrics. nanoFramework has
    /// no System.Math on some boards and Cortex-M0 has no FPU, so none of this uses floating point.
    ///
    /// Error bounds (checked in tests/Edge.Device.Tests/Numerics against System.Math):
    /// - <see cref="LnQ32"/>: |LnQ32(x) - ln(x)*2^32| &lt;= 1, i.e. absolute error &lt;= 2^-32, for every x &gt;= 1.
    /// - <see cref="Sqrt"/>: exact, floor(sqrt(x)).
    /// - <see cref="RatioQ30"/>: floor(num*2^30/den), exact when num &lt; 2^33, else within one unit
    ///   plus a relative 2^-32.
    /// </summary>
    public static class FixedMath
    {
        /// <summary>2^30: the value 1.0 in Q30, the format of shares and probabilities.</summary>
        public const long OneQ30 = 1L << 30;

        /// <summary>round(ln 2 * 2^32).</summary>
        public const long Ln2Q32 = 2977044472L;

        /// <summary>
        /// Natural logarithm of an integer, in Q32 (ln(x) * 2^32, rounded). Method: x = 2^k * m with
        /// m in [1, 2); m = c * (1 + d) where c = 1 + i/256 is the nearest table point below m, so
        /// ln x = k ln 2 + ln c (table) + ln(1 + d), and 0 &lt;= d &lt; 1/256. The last term is
        /// interpolated by its Taylor polynomial d - d^2/2 + d^3/3, whose truncation error is below
        /// d^4/4 &lt; 6e-11. Intermediate values are Q40. x = 0 has no logarithm: callers substitute first.
        /// </summary>
        [HotPath]
        public static long LnQ32(ulong x)
        {
            if (x == 0) throw new System.ArgumentOutOfRangeException("x", "ln(0)");
            int k = 63 - LeadingZeroCount(x);
            ulong m = x << (63 - k);                       // mantissa in [2^63, 2^64): 1.xxx in Q63
            int i = (int)((m >> 55) & 0xFF);               // first 8 fraction bits: the table point
            ulong rest = m - ((1UL << 63) + ((ulong)i << 55)); // m - c, Q63, < 2^55
            ulong dQ63 = (rest << 8) / (ulong)(256 + i);   // d = (m - c) / c
            long d = (long)(dQ63 >> 23);                   // Q40, < 2^32
            long d2 = (long)(((ulong)d * (ulong)d) >> 40); // Q40
            long d3 = (d2 * d) >> 40;                      // Q40
            long lnQ40 = k * FixedMathTables.Ln2Q40 + FixedMathTables.LnQ40[i] + d - (d2 >> 1) + d3 / 3;
            return (lnQ40 + 128) >> 8;                     // Q40 -> Q32, round half up
        }

        /// <summary>
        /// floor(sqrt(x)), exact. A seed from a 193-entry table of sqrt(64..256) with linear
        /// interpolation (relative error ~1e-5), one Newton step (~1e-10), then a final correction.
        /// </summary>
        [HotPath]
        public static ulong Sqrt(ulong x)
        {
            if (x < 2) return x;
            // Normalise by an even shift so that m = x << 2s lies in [2^62, 2^64).
            int s = LeadingZeroCount(x) >> 1;
            ulong m = x << (2 * s);
            int t = (int)(m >> 56);                        // 64..255
            long frac = (long)((m >> 32) & 0xFFFFFF);      // next 24 bits of m / 2^56
            long lo = FixedMathTables.SqrtQ24[t - 64];
            long hi = FixedMathTables.SqrtQ24[t - 63];
            ulong y = (ulong)((lo + (((hi - lo) * frac) >> 24)) << 4); // sqrt(m / 2^56) * 2^28 = sqrt(m)
            if (y == 0) y = 1;
            y = (y + m / y) >> 1;                          // Newton step on m
            ulong r = y >> s;                              // sqrt(x) = sqrt(m) / 2^s
            // Settle to the exact floor: r*r <= x < (r+1)^2 (r < 2^32, so r*r does not overflow).
            while (r > 0xFFFFFFFFUL || r * r > x) r--;
            while (r < 0xFFFFFFFFUL && (r + 1) * (r + 1) <= x) r++;
            return r;
        }

        /// <summary>
        /// num / den in Q30, rounded toward zero, for 0 &lt;= num and 0 &lt; den. Exact when num &lt; 2^33;
        /// for larger num both operands are scaled down, the denominator keeping at least 33
        /// significant bits whenever num &lt;= den: the result is then within one unit (2^-30) plus a
        /// relative 2^-32 of the exact quotient.
        /// </summary>
        [HotPath]
        public static long RatioQ30(long num, long den)
        {
            if (den <= 0 || num < 0) throw new System.ArgumentOutOfRangeException("den");
            if (num < (1L << 33)) return (num << 30) / den;
            int shift = 30 - LeadingZeroCount((ulong)num) + 1; // makes (num << (30 - shift)) < 2^63
            long scaledDen = den >> shift;
            if (scaledDen == 0) return long.MaxValue;
            return (num << (30 - shift)) / scaledDen;
        }

        /// <summary>Number of leading zero bits of a 64-bit value (64 for 0).</summary>
        [HotPath]
        public static int LeadingZeroCount(ulong x)
        {
            if (x == 0) return 64;
            int n = 0;
            if ((x & 0xFFFFFFFF00000000UL) == 0) { n += 32; x <<= 32; }
            if ((x & 0xFFFF000000000000UL) == 0) { n += 16; x <<= 16; }
            if ((x & 0xFF00000000000000UL) == 0) { n += 8; x <<= 8; }
            if ((x & 0xF000000000000000UL) == 0) { n += 4; x <<= 4; }
            if ((x & 0xC000000000000000UL) == 0) { n += 2; x <<= 2; }
            if ((x & 0x8000000000000000UL) == 0) { n += 1; }
            return n;
        }

        /// <summary>
        /// Converts a non-negative value with <paramref name="fractionBits"/> fraction bits to Q16,
        /// rounding half away from zero and saturating at int.MaxValue (32767.99998).
        /// </summary>
        [HotPath]
        public static int ToQ16(long value, int fractionBits)
        {
            long q;
            if (fractionBits > 16)
            {
                int shift = fractionBits - 16;
                // Half away from zero from the magnitude's bits: forming value + half overflowed for
                // a saturated sum (long.MaxValue came out as -int.MaxValue).
                long magnitude = value >= 0 ? value : value == long.MinValue ? long.MaxValue : -value;
                long rounded = (magnitude >> shift) + ((magnitude >> (shift - 1)) & 1);
                q = value >= 0 ? rounded : -rounded;
            }
            else
            {
                int shift = 16 - fractionBits;
                long limit = long.MaxValue >> shift;
                q = value > limit ? long.MaxValue : value < -limit ? long.MinValue : value << shift;
            }
            if (q > int.MaxValue) return int.MaxValue;
            if (q < -int.MaxValue) return -int.MaxValue;
            return (int)q;
        }
    }
}
