using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Edge.Data.Streaming;

/// <summary>
/// The common shape of a logged measurement (<c>-0.000915303</c>, <c>12.5</c>, <c>3e-05</c>: an
/// optional minus, digits, an optional fraction and exponent, at most 19 digits in all) parsed
/// in one pass over the bytes. When the digits make an integer m &lt;= 2^53 and the decimal exponent
/// e is within ±22, both m and 10^|e| are exact doubles, so one IEEE multiplication or division
/// gives the correctly rounded value (Clinger's fast path): the same double every correct parser
/// returns. Anything else (a plus sign, ".5", "1.", more digits, a larger exponent, text) is
/// declined, and the caller's general parser decides.
/// </summary>
internal static class PlainDecimal
{
    private const ulong LargestExactInteger = 1UL << 53;
    private const int MaxDigits = 19; // any 19 digits fit a ulong without overflow
    private const int MaxExactPower = 22;        // 10^22 is the largest power of ten a double holds exactly

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>True with the value when <paramref name="text"/> is a whole plain decimal the fast path takes exactly.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out double value) =>
        TryParsePrefix(text, out value, out int length) && length == text.Length;

    /// <summary>
    /// True with the value and its <paramref name="length"/> in bytes when <paramref name="text"/>
    /// starts with a plain decimal the fast path takes exactly; it ends at the first byte that cannot
    /// continue it (a separator, a line end), which the caller judges.
    /// </summary>
    public static bool TryParsePrefix(ReadOnlySpan<byte> text, out double value, out int length)
    {
        value = 0;
        length = 0;
        int end = text.Length, i = 0;
        ref byte first = ref MemoryMarshal.GetReference(text);
        bool negative = end > 0 && first == (byte)'-';
        if (negative) i++;

        // The digits before and after the point make one integer; past 19 of them it may wrap,
        // and such a number is declined below anyway.
        ulong mantissa = 0;
        int integerStart = i;
        i = Digits(ref first, i, end, ref mantissa);
        int integerDigits = i - integerStart;
        if (integerDigits == 0) return false;
        int fractionDigits = 0;
        if (i < end && Unsafe.Add(ref first, i) == (byte)'.')
        {
            int fractionStart = ++i;
            i = Digits(ref first, i, end, ref mantissa);
            fractionDigits = i - fractionStart;
            if (fractionDigits == 0) return false;
        }
        if (integerDigits + fractionDigits > MaxDigits) return false;

        int exponent = 0;
        if (i < end && (Unsafe.Add(ref first, i) | 0x20) == (byte)'e')
        {
            i++;
            bool negativeExponent = i < end && Unsafe.Add(ref first, i) == (byte)'-';
            if (i < end && (Unsafe.Add(ref first, i) == (byte)'-' || Unsafe.Add(ref first, i) == (byte)'+')) i++;
            int start = i;
            while (i < end && i - start < 4 && IsDigit(Unsafe.Add(ref first, i))) exponent = exponent * 10 + (Unsafe.Add(ref first, i++) - '0');
            if (i == start) return false;
            if (negativeExponent) exponent = -exponent;
        }

        exponent -= fractionDigits;
        if (mantissa == 0) value = 0;
        else if (mantissa > LargestExactInteger || exponent < -MaxExactPower || exponent > MaxExactPower) return false;
        else
        {
            // Below 2^53 the signed conversion is exact and one instruction (the unsigned one is several).
            double m = (long)mantissa;
            value = exponent < 0 ? m / PowersOfTen[-exponent] : m * PowersOfTen[exponent];
        }
        if (negative) value = -value;
        length = i;
        return true;
    }

    /// <summary>Adds the run of digits from <paramref name="i"/> to the mantissa, eight at a time while it can; returns where the run ends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digits(ref byte first, int i, int length, ref ulong mantissa)
    {
        ulong m = mantissa;
        while (i + 8 <= length)
        {
            ulong eight = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, i));
            if (!BitConverter.IsLittleEndian || !AreEightDigits(eight)) break;
            m = m * 100_000_000 + EightDigits(eight);
            i += 8;
        }
        for (; i < length && IsDigit(Unsafe.Add(ref first, i)); i++) m = m * 10 + (ulong)(Unsafe.Add(ref first, i) - '0');
        mantissa = m;
        return i;
    }

    /// <summary>Whether all eight bytes (little-endian) are '0'..'9': each byte's high nibble is 3, and adding 6 does not carry into it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AreEightDigits(ulong eight) =>
        (((eight & 0xF0F0F0F0F0F0F0F0) | (((eight + 0x0606060606060606) & 0xF0F0F0F0F0F0F0F0) >> 4)) == 0x3333333333333333);

    /// <summary>The value of eight ASCII digits (first digit in the lowest byte), combined pairwise in three multiplications.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong EightDigits(ulong eight)
    {
        eight -= 0x3030303030303030;
        eight = eight * 10 + (eight >> 8);                        // each even byte: two digits (0..99)
        ulong pairs = eight & 0x000000FF000000FF;                 // pairs 1 and 3
        ulong others = (eight >> 16) & 0x000000FF000000FF;        // pairs 2 and 4
        return (pairs * (100 + (1_000_000UL << 32)) + others * (1 + (10_000UL << 32))) >> 32;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
