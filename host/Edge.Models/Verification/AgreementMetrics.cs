namespace Edge.Models.Verification;

/// <summary>
/// How closely the int8 engine's outputs follow the float reference, over every output value of
/// every row (the figures ST's validate reports): max |error|, RMSE, L2 relative error
/// ‖e‖/‖ref‖, cosine similarity; plus the lowest cosine of any one row.
/// </summary>
public sealed record AgreementMetrics(int Rows, double MaxAbsError, double Rmse, double L2RelativeError, double Cosine, double MinRowCosine)
{
    public static AgreementMetrics Compute(IReadOnlyList<float[]> reference, IReadOnlyList<float[]> candidate)
    {
        if (reference.Count != candidate.Count || reference.Count == 0) throw new ArgumentException("reference and candidate need the same, non-zero number of rows");
        double maxAbs = 0, sumSq = 0, refSq = 0, candSq = 0, dot = 0, minRow = 1;
        long count = 0;
        for (int r = 0; r < reference.Count; r++)
        {
            double rowDot = 0, rowRef = 0, rowCand = 0;
            for (int i = 0; i < reference[r].Length; i++)
            {
                double x = reference[r][i], y = candidate[r][i], e = y - x;
                maxAbs = Math.Max(maxAbs, Math.Abs(e));
                sumSq += e * e;
                rowDot += x * y;
                rowRef += x * x;
                rowCand += y * y;
                count++;
            }
            dot += rowDot;
            refSq += rowRef;
            candSq += rowCand;
            minRow = Math.Min(minRow, Cos(rowDot, rowRef, rowCand));
        }
        return new AgreementMetrics(reference.Count, maxAbs, Math.Sqrt(sumSq / count), refSq > 0 ? Math.Sqrt(sumSq / refSq) : 0, Cos(dot, refSq, candSq), minRow);
    }

    /// <summary>Cosine similarity; two zero vectors count as identical, one zero vector as orthogonal.</summary>
    private static double Cos(double dot, double a, double b) =>
        a == 0 && b == 0 ? 1 : a == 0 || b == 0 ? 0 : dot / Math.Sqrt(a * b);
}
