using System;
using Edge.Device.Runtime;

namespace Edge.Device.Codec
{
    /// <summary>
    /// IEEE-754 single-precision bit patterns without allocating: nanoFramework 1.x has no
    /// SingleToInt32Bits, and BitConverter.GetBytes allocates. A float widens exactly to a double,
    /// whose bits (DoubleToInt64Bits) are repacked: the low 29 mantissa bits of a widened float are zero.
    /// </summary>
    public static class FloatBits
    {
        [NoAlloc]
        public static int ToInt32(float value)
        {
            long d = BitConverter.DoubleToInt64Bits(value);
            int sign = (int)((d >> 32) & unchecked((int)0x80000000));
            int exponent = (int)((d >> 52) & 0x7FF);
            long mantissa = d & 0xFFFFFFFFFFFFFL;
            if (exponent == 0x7FF) return sign | 0x7F800000 | (mantissa != 0 ? 0x400000 | (int)(mantissa >> 29) : 0); // inf, NaN
            if (exponent == 0) return sign;                                        // zero (a float has no double subnormals)
            int e = exponent - 1023 + 127;
            if (e >= 1) return sign | (e << 23) | (int)(mantissa >> 29);           // normal
            // Float subnormal: shift the implicit one back into the mantissa.
            long full = mantissa | (1L << 52);
            return sign | (int)(full >> (29 + 1 - e));
        }

        /// <summary>NaN is the one value unequal to itself (float.IsNaN is a call the IL scan cannot vouch for).</summary>
        [NoAlloc]
        public static bool IsNaN(float x)
        {
            float copy = x;
            return x != copy;
        }

        [NoAlloc]
        public static bool IsNaN(double x)
        {
            double copy = x;
            return x != copy;
        }

        /// <summary>Writes a float's four bytes, little-endian.</summary>
        [NoAlloc]
        public static void Write(byte[] buffer, int at, float value)
        {
            LittleEndian.WriteInt32(buffer, at, ToInt32(value));
        }
    }
}
