using Edge.Device.Drift;

namespace Edge.Device.Numerics
{
    /// <summary>The board's Q16.16 statistics (65536 = 1.0) as numbers, for hosts and reports (not hot paths).</summary>
    public static class Q16
    {
        public const double One = 65536.0;

        /// <summary>The value, with the saturated code (DriftReport.Saturated: 32768 or more, or infinite) as +infinity.</summary>
        public static double ToDouble(int value)
        {
            return value == DriftReport.Saturated ? double.PositiveInfinity : value / One;
        }
    }
}
