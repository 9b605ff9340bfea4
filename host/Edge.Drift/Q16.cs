using Edge.Device.Drift;

namespace Edge.Drift;

/// <summary>The board's Q16.16 numbers on the host.</summary>
public static class Q16
{
    public const double One = 65536.0;

    public static int From(double value)
    {
        double scaled = Math.Round(value * One, MidpointRounding.AwayFromZero);
        return scaled >= int.MaxValue ? int.MaxValue : scaled <= -int.MaxValue ? -int.MaxValue : (int)scaled;
    }

    /// <summary>The value, with the saturated code as +infinity.</summary>
    public static double ToDouble(int value) => value == DriftReport.Saturated ? double.PositiveInfinity : value / One;
}
