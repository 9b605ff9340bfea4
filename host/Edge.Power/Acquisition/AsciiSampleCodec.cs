namespace Edge.Power.Acquisition;

/// <summary>
/// The 7-character sample token of `format ascii_dec`: four mantissa digits, the exponent's sign
/// and two exponent digits, value = mantissa · 10^exponent amperes (`6409-07` = 640.9 µA).
/// </summary>
public static class AsciiSampleCodec
{
    public const int TokenLength = 7;

    private static readonly double[] PowersOf10 = BuildPowers();

    /// <summary>Decodes one token; false when the bytes are not exactly `DDDD[+-]DD`.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> token, out double amperes)
    {
        amperes = 0;
        if (token.Length != TokenLength) return false;
        uint d0 = (uint)(token[0] - '0'), d1 = (uint)(token[1] - '0'), d2 = (uint)(token[2] - '0'), d3 = (uint)(token[3] - '0');
        uint e0 = (uint)(token[5] - '0'), e1 = (uint)(token[6] - '0');
        if (d0 > 9 || d1 > 9 || d2 > 9 || d3 > 9 || e0 > 9 || e1 > 9) return false;
        byte sign = token[4];
        if (sign != '-' && sign != '+') return false;
        int exponent = (int)(e0 * 10 + e1);
        double mantissa = d0 * 1000 + d1 * 100 + d2 * 10 + d3;
        amperes = sign == '-' ? mantissa / PowersOf10[exponent] : mantissa * PowersOf10[exponent];
        return true;
    }

    /// <summary>Writes the token the monitor would send: mantissa normalised to 1000..9999.</summary>
    public static void Encode(double amperes, Span<byte> destination)
    {
        if (destination.Length < TokenLength) throw new ArgumentException("An ASCII sample token needs 7 bytes.", nameof(destination));
        int mantissa = 0, exponent = 0;
        if (amperes > 0)
        {
            exponent = (int)Math.Floor(Math.Log10(amperes)) - 3;
            mantissa = (int)Math.Round(amperes * Math.Pow(10, -exponent));
            if (mantissa >= 10_000)
            {
                mantissa /= 10;
                exponent++;
            }
            exponent = Math.Clamp(exponent, -99, 99);
        }
        destination[0] = (byte)('0' + mantissa / 1000);
        destination[1] = (byte)('0' + mantissa / 100 % 10);
        destination[2] = (byte)('0' + mantissa / 10 % 10);
        destination[3] = (byte)('0' + mantissa % 10);
        destination[4] = (byte)(exponent < 0 ? '-' : '+');
        int magnitude = Math.Abs(exponent);
        destination[5] = (byte)('0' + magnitude / 10);
        destination[6] = (byte)('0' + magnitude % 10);
    }

    private static double[] BuildPowers()
    {
        var powers = new double[100];
        for (int e = 0; e < powers.Length; e++) powers[e] = Math.Pow(10, e);
        return powers;
    }
}
