namespace Edge.Power.Samples;

/// <summary>How the monitor encodes the sample stream (`format ascii_dec` or `format bin_hexa`).</summary>
public enum SampleFormat
{
    /// <summary>One `DDDDsEE` token per line (mantissa, sign, base-10 exponent); the monitor sends it at up to 5 kHz without a time limit.</summary>
    Ascii,

    /// <summary>Two bytes per sample plus `0xF0` metadata frames; the only format that keeps up with 100 kHz.</summary>
    Binary,
}
