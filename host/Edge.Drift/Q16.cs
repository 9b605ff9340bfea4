namespace Edge.Drift;

/// <summary>The board's Q16.16 numbers on the host: from doubles (profiles, thresholds); back through the device's own conversion.</summary>
public static class Q16
{
    public const double One = Device.Numerics.Q16.One;

    public static int From(double value)
    {
        double scaled = Math.Round(value * One, MidpointRounding.AwayFromZero);
        return scaled >= int.MaxValue ? int.MaxValue : scaled <= -int.MaxValue ? -int.MaxValue : (int)scaled;
    }

    /// <summary>The value, with the saturated code as +infinity.</summary>
    public static double ToDouble(int value) => Device.Numerics.Q16.ToDouble(value);
}
