using System.Buffers.Binary;

namespace Edge.Power.Acquisition;

/// <summary>
/// The 2-byte sample of `format bin_hexa`: a big-endian word whose top nibble is a negative power
/// of 16 and whose low 12 bits are the mantissa, value = mantissa · 16^-exponent amperes
/// (0x52A0 = 0x2A0 · 16⁻⁵ A = 640.9 µA). Exponent 0xF is never a sample: it starts metadata frames.
/// </summary>
public static class BinarySampleCodec
{
    /// <summary>The largest exponent a sample may carry; 0xF is reserved for metadata.</summary>
    public const int MaxExponent = 14;

    public const int MaxMantissa = 0x0FFF;

    private static readonly double[] InversePowersOf16 = BuildInversePowers();

    public static double Decode(ushort word) => (word & MaxMantissa) * InversePowersOf16[word >> 12];

    public static double Decode(byte high, byte low) => Decode((ushort)(high << 8 | low));

    /// <summary>
    /// The word the monitor would send for <paramref name="amperes"/>: the largest exponent whose
    /// mantissa still fits in 12 bits, so the relative rounding error stays below 1/512 above 1 nA.
    /// </summary>
    public static ushort Encode(double amperes)
    {
        if (!(amperes > 0)) return 0;
        for (int exponent = MaxExponent; exponent >= 0; exponent--)
        {
            double mantissa = Math.Round(amperes / InversePowersOf16[exponent]);
            if (mantissa <= MaxMantissa) return (ushort)(exponent << 12 | (int)mantissa);
        }
        return MaxMantissa; // beyond 4095 A: saturate rather than wrap
    }

    public static void Write(double amperes, Span<byte> destination) =>
        BinaryPrimitives.WriteUInt16BigEndian(destination, Encode(amperes));

    private static double[] BuildInversePowers()
    {
        var powers = new double[16];
        for (int e = 0; e < powers.Length; e++) powers[e] = Math.Pow(16, -e);
        return powers;
    }
}
