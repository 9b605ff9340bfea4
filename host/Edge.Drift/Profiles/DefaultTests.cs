using Edge.Device.Drift;

namespace Edge.Drift.Profiles;

/// <summary>
/// Evidently's default test per column (legacy stattests registry), decided here on the
/// reference alone: with more than 1000 reference rows, Wasserstein (normed, 0.1) for numeric
/// columns and Jensen-Shannon (0.1) for categorical or low-cardinality ones; with fewer, KS
/// (p &lt;= 0.05) for numeric columns and chi-square (more than two categories) or Z (two).
/// </summary>
public static class DefaultTests
{
    public const double DistanceThreshold = 0.1;

    public static byte For(bool binned, long referenceRows, int categories)
    {
        if (referenceRows > 1000) return binned ? DriftTest.Wasserstein : DriftTest.JensenShannon;
        if (binned) return DriftTest.KolmogorovSmirnov;
        return categories > 2 ? DriftTest.ChiSquare : DriftTest.ZTest;
    }

    public static byte Parse(string name, bool binned)
    {
        byte test = name.Trim().ToLowerInvariant() switch
        {
            "psi" => DriftTest.Psi,
            "kl" or "kl_div" => DriftTest.KullbackLeibler,
            "js" or "jensenshannon" or "jensen-shannon" => DriftTest.JensenShannon,
            "hellinger" => DriftTest.Hellinger,
            "tvd" or "total-variation" => DriftTest.TotalVariation,
            "ks" => DriftTest.KolmogorovSmirnov,
            "wasserstein" or "wasserstein-normed" => DriftTest.Wasserstein,
            "chi2" or "chisquare" or "chi-square" => DriftTest.ChiSquare,
            "z" or "ztest" or "z-test" => DriftTest.ZTest,
            _ => throw new Edge.Common.SettingException($"unknown drift test '{name}' (psi, kl, js, hellinger, tvd, ks, wasserstein, chi2, z)"),
        };
        if (!DriftTest.IsValidFor(test, binned ? ColumnKind.Numeric : ColumnKind.Categorical))
            throw new Edge.Common.SettingException($"test '{name}' does not apply to {(binned ? "numeric" : "categorical")} columns");
        return test;
    }

    /// <summary>True for tests decided by a p-value at alpha (the threshold is alpha); false for distances.</summary>
    public static bool IsSignificanceTest(byte test) =>
        test is DriftTest.KolmogorovSmirnov or DriftTest.ChiSquare or DriftTest.ZTest;
}
