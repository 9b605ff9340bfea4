namespace Edge.Device.Tests.Drift;

/// <summary>
/// The drift metrics in plain double precision, written from their published definitions
/// (Evidently's stattests, scipy.stats.entropy, scipy.spatial.distance.jensenshannon), as the
/// independent expectation for the board's fixed-point code.
/// </summary>
public static class DoubleReference
{
    public const double Eps = 1e-4;

    public static double[] Shares(IReadOnlyList<double> counts)
    {
        double total = counts.Sum();
        return counts.Select(c => c / total).ToArray();
    }

    private static double[] Substitute(double[] p) => p.Select(x => x == 0 ? Eps : x).ToArray();

    public static double Psi(double[] cur, double[] reference)
    {
        var a = Substitute(cur);
        var e = Substitute(reference);
        return a.Zip(e, (x, y) => (y - x) * Math.Log(y / x)).Sum();
    }

    /// <summary>scipy.stats.entropy(reference, current) after Evidently's substitution: both normalised first.</summary>
    public static double Kl(double[] cur, double[] reference)
    {
        var a = Substitute(cur);
        var e = Substitute(reference);
        double sa = a.Sum(), se = e.Sum();
        return e.Zip(a, (y, x) => y / se * Math.Log((y / se) / (x / sa))).Sum();
    }

    public static double JensenShannon(double[] p, double[] q)
    {
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double m = (p[i] + q[i]) / 2;
            if (p[i] > 0) sum += p[i] * Math.Log(p[i] / m);
            if (q[i] > 0) sum += q[i] * Math.Log(q[i] / m);
        }
        return Math.Sqrt(Math.Max(0, sum / 2));
    }

    /// <summary>Evidently's categorical form sqrt(1 - sum sqrt(p q)): a different algebraic route from the board's.</summary>
    public static double Hellinger(double[] p, double[] q) =>
        Math.Sqrt(Math.Max(0, 1 - Math.Clamp(p.Zip(q, (x, y) => Math.Sqrt(x * y)).Sum(), 0, 1)));

    public static double TotalVariation(double[] p, double[] q) => p.Zip(q, (x, y) => Math.Abs(x - y)).Sum() / 2;

    public static double KsBinned(double[] p, double[] q)
    {
        double cp = 0, cq = 0, max = 0;
        for (int i = 0; i < p.Length; i++)
        {
            cp += p[i];
            cq += q[i];
            max = Math.Max(max, Math.Abs(cp - cq));
        }
        return max;
    }

    /// <summary>Evidently: f_exp = reference count * N/M over the categories, chi2 = sum (obs - exp)^2 / exp.</summary>
    public static double ChiSquare(double[] observed, double[] referenceCounts)
    {
        double n = observed.Sum(), m = referenceCounts.Sum(), chi = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            double expected = referenceCounts[i] * n / m;
            if (expected == 0) { if (observed[i] > 0) return double.PositiveInfinity; continue; }
            chi += (observed[i] - expected) * (observed[i] - expected) / expected;
        }
        return chi;
    }

    /// <summary>Evidently's two-proportion Z: first category coded 0, others 1.</summary>
    public static double Z(double[] current, double[] reference)
    {
        double n1 = reference.Sum(), n2 = current.Sum();
        double p1 = (n1 - reference[0]) / n1, p2 = (n2 - current[0]) / n2;
        double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        double se = Math.Sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        return se == 0 ? 0 : (p1 - p2) / se;
    }
}
