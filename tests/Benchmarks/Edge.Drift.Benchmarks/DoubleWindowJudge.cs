using Edge.Data;
using Edge.Drift.Profiles;

namespace Edge.Drift.Benchmarks;

/// <summary>
/// What a PC tool does with a window (Evidently-style): keep the raw values, bin them against
/// reference edges in double, compute PSI, KL, JS, Hellinger, TVD and KS from the shares, and
/// Wasserstein exactly on the raw values against the sorted reference.
/// </summary>
public sealed class DoubleWindowJudge
{
    private readonly double[][] _edges;
    private readonly double[][] _refShares;
    private readonly double[][] _sortedReference;
    private readonly double[] _norm;

    public DoubleWindowJudge(Table train, IReadOnlyList<string> features, int bins)
    {
        _sortedReference = features.Select(f => train.Numbers(f).OrderBy(v => v).ToArray()).ToArray();
        _edges = _sortedReference.Select(s => Quantiles.InnerEdges(s, bins)).ToArray();
        _refShares = _sortedReference.Select((s, i) => Shares(s, _edges[i])).ToArray();
        _norm = _sortedReference.Select(s =>
        {
            double mean = s.Average();
            return Math.Max(Math.Sqrt(s.Sum(v => (v - mean) * (v - mean)) / s.Length), 0.001);
        }).ToArray();
    }

    public double Judge(double[][] window)
    {
        double checksum = 0;
        for (int f = 0; f < window.Length; f++)
        {
            var a = Shares(window[f], _edges[f]);
            var e = _refShares[f];
            double psi = 0, kl = 0, js = 0, bc = 0, tvd = 0, ks = 0, ca = 0, ce = 0;
            for (int i = 0; i < a.Length; i++)
            {
                double ai = Math.Max(a[i], 1e-4), ei = Math.Max(e[i], 1e-4);
                psi += (ai - ei) * Math.Log(ai / ei);
                kl += ei * Math.Log(ei / ai);
                double m = (a[i] + e[i]) / 2;
                if (a[i] > 0) js += a[i] * Math.Log(a[i] / m);
                if (e[i] > 0) js += e[i] * Math.Log(e[i] / m);
                bc += Math.Sqrt(a[i] * e[i]);
                tvd += Math.Abs(a[i] - e[i]) / 2;
                ca += a[i];
                ce += e[i];
                ks = Math.Max(ks, Math.Abs(ca - ce));
            }
            double wasserstein = Wasserstein(window[f], _sortedReference[f]) / _norm[f];
            checksum += psi + kl + Math.Sqrt(js / 2) + Math.Sqrt(Math.Max(0, 1 - bc)) + tvd + ks + wasserstein;
        }
        return checksum;
    }

    private static double[] Shares(IReadOnlyList<double> values, double[] edges)
    {
        var counts = new double[edges.Length + 1];
        foreach (double v in values)
        {
            int i = Array.BinarySearch(edges, v);
            counts[i >= 0 ? i : ~i]++;
        }
        for (int i = 0; i < counts.Length; i++) counts[i] /= values.Count;
        return counts;
    }

    /// <summary>W1 between two empirical distributions: integral of |F_a - F_b| over the merged sorted values.</summary>
    private static double Wasserstein(double[] window, double[] sortedReference)
    {
        var a = (double[])window.Clone();
        Array.Sort(a);
        var b = sortedReference;
        int i = 0, j = 0;
        double previous = Math.Min(a[0], b[0]), area = 0;
        while (i < a.Length || j < b.Length)
        {
            double next = j >= b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
            area += Math.Abs((double)i / a.Length - (double)j / b.Length) * (next - previous);
            previous = next;
            while (i < a.Length && a[i] == next) i++;
            while (j < b.Length && b[j] == next) j++;
        }
        return area;
    }
}
