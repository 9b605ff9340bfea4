namespace Edge.Models.Verification;

/// <summary>
/// A further model output (after the first, which the task metrics read) against ONNX Runtime:
/// the largest difference and the share of rows where every value is equal. For an index output
/// (ArgMax's int64 class id, exact as float) equal rows are the decision agreement.
/// </summary>
public sealed record OutputAgreement(string Name, int Rows, double MaxAbsError, double RowsEqual)
{
    public sealed class Accumulator(string name)
    {
        private int _rows, _equal;
        private double _max;

        public void Add(IReadOnlyList<float[]> reference, IReadOnlyList<float[]> candidate)
        {
            for (int r = 0; r < reference.Count; r++)
            {
                bool equal = true;
                for (int i = 0; i < reference[r].Length; i++)
                {
                    double e = Math.Abs((double)reference[r][i] - candidate[r][i]);
                    if (e > _max) _max = e;
                    if (e != 0) equal = false;
                }
                if (equal) _equal++;
                _rows++;
            }
        }

        public OutputAgreement Result() => new(name, _rows, _max, _rows == 0 ? 0 : _equal / (double)_rows);
    }
}
