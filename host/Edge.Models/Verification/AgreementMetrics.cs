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
        var sums = new Accumulator();
        for (int r = 0; r < reference.Count; r++) sums.Add(reference[r], candidate[r]);
        return sums.Result();
    }

    /// <summary>The metrics' sums, row by row: rows can come in batches of any size, the result is the same.</summary>
    public sealed class Accumulator
    {
        private double _maxAbs, _sumSq, _refSq, _candSq, _dot, _minRow = 1;
        private long _count;
        private int _rows;

        public void Add(float[] reference, float[] candidate)
        {
            double rowDot = 0, rowRef = 0, rowCand = 0;
            for (int i = 0; i < reference.Length; i++)
            {
                double x = reference[i], y = candidate[i], e = y - x;
                _maxAbs = Math.Max(_maxAbs, Math.Abs(e));
                _sumSq += e * e;
                rowDot += x * y;
                rowRef += x * x;
                rowCand += y * y;
                _count++;
            }
            _dot += rowDot;
            _refSq += rowRef;
            _candSq += rowCand;
            _minRow = Math.Min(_minRow, Cos(rowDot, rowRef, rowCand));
            _rows = checked(_rows + 1);
        }

        public AgreementMetrics Result() =>
            new(_rows, _maxAbs, Math.Sqrt(_sumSq / _count), _refSq > 0 ? Math.Sqrt(_sumSq / _refSq) : 0, Cos(_dot, _refSq, _candSq), _minRow);
    }

    /// <summary>Cosine similarity; two zero vectors count as identical, one zero vector as orthogonal.</summary>
    private static double Cos(double dot, double a, double b) =>
        a == 0 && b == 0 ? 1 : a == 0 || b == 0 ? 0 : dot / Math.Sqrt(a * b);
}
