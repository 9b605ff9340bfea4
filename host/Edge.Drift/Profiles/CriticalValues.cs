using MathNet.Numerics.Distributions;

namespace Edge.Drift.Profiles;

/// <summary>The critical values the board compares statistics with, computed once on the host.</summary>
public static class CriticalValues
{
    /// <summary>c(alpha) = sqrt(-ln(alpha/2)/2): the asymptotic two-sample KS coefficient (1.358 at 0.05).</summary>
    public static double KolmogorovSmirnov(double alpha) => Math.Sqrt(-0.5 * Math.Log(alpha / 2));

    /// <summary>The chi-square statistic beyond which p &lt; alpha, for df degrees of freedom.</summary>
    public static double ChiSquare(double alpha, int degreesOfFreedom) => ChiSquared.InvCDF(degreesOfFreedom, 1 - alpha);

    /// <summary>|z| beyond which the two-sided p &lt; alpha (1.96 at 0.05).</summary>
    public static double TwoSidedZ(double alpha) => Normal.InvCDF(0, 1, 1 - alpha / 2);

    /// <summary>p-value of a chi-square statistic (for reports; the board decides with the critical value).</summary>
    public static double ChiSquarePValue(double statistic, int degreesOfFreedom) =>
        double.IsInfinity(statistic) ? 0 : 1 - ChiSquared.CDF(degreesOfFreedom, statistic);

    /// <summary>Two-sided p-value of a z statistic.</summary>
    public static double TwoSidedZPValue(double z) => 2 * (1 - Normal.CDF(0, 1, Math.Abs(z)));
}
