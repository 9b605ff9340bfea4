using Edge.Models.Graph;

namespace Edge.Models.Verification;

/// <summary>
/// Compares int8 outputs with the float reference batch by batch (<see cref="ModelVerifier.Compare"/>
/// on all rows at once is one batch). Agreement, decisions, F1 and accuracy are sums; the ROC AUC
/// needs every row's score in order, so a task with labels sorts them externally
/// (<see cref="SpillingAuc"/>: exact, memory bounded, scores beyond half a million rows spill to
/// a temporary file). Nothing in memory grows with the rows.
/// </summary>
public sealed class OutputComparer(string task, double threshold, GraphInput input, bool labelled) : IDisposable
{
    private readonly AgreementMetrics.Accumulator _agreement = new();
    private readonly SpillingAuc _floatScores = new();
    private readonly SpillingAuc _int8Scores = new();
    private int _rows, _mismatches;
    private int _floatTp, _floatFp, _floatFn, _int8Tp, _int8Fp, _int8Fn, _floatRight, _int8Right;
    // Classes: per class, true positives, false positives and false negatives of each engine (macro-F1).
    private int[,] _floatClass = new int[0, 3], _int8Class = new int[0, 3];

    /// <param name="labelValues">Each row's label (1 = positive), or null without labels.</param>
    /// <param name="rows">The inputs, for a reconstruction's targets.</param>
    public void Add(IReadOnlyList<float[]> reference, IReadOnlyList<float[]> candidate, ReadOnlySpan<double> labelValues, IReadOnlyList<float[]> rows)
    {
        if (reference.Count != candidate.Count) throw new ArgumentException("reference and candidate need the same number of rows");
        if (labelled && labelValues.Length != reference.Count) throw new ArgumentException("a label per row is needed");
        for (int r = 0; r < reference.Count; r++)
        {
            _agreement.Add(reference[r], candidate[r]);
            bool? label = labelled ? labelValues[r] == 1 : null;
            switch (task)
            {
                case "score":
                    double fs = reference[r][0], qs = candidate[r][0];
                    if (fs >= threshold != qs >= threshold) _mismatches++;
                    if (label is { } positive)
                    {
                        Count(fs >= threshold, positive, ref _floatTp, ref _floatFp, ref _floatFn);
                        Count(qs >= threshold, positive, ref _int8Tp, ref _int8Fp, ref _int8Fn);
                        Keep(fs, qs, positive);
                    }
                    break;
                case "classes":
                    int fc = ArgMax(reference[r]), qc = ArgMax(candidate[r]);
                    if (fc != qc) _mismatches++;
                    if (labelled)
                    {
                        if (fc == labelValues[r]) _floatRight++;
                        if (qc == labelValues[r]) _int8Right++;
                        int actual = (int)labelValues[r];
                        CountClass(ref _floatClass, fc, actual, reference[r].Length);
                        CountClass(ref _int8Class, qc, actual, reference[r].Length);
                    }
                    break;
                case "reconstruction" when label is { } anomalous:
                    // Anomaly score: mean squared distance between the reconstruction and the model's own normalised input.
                    var target = input.Apply(rows[r]);
                    Keep(Error(reference[r], target), Error(candidate[r], target), anomalous);
                    break;
            }
            _rows++;
        }
    }

    public OutputComparison Result()
    {
        if (_rows == 0) throw new ArgumentException("reference and candidate need the same, non-zero number of rows");
        double? decisionAgreement = null, usedThreshold = null;
        int? mismatches = null;
        TaskScores? floatScores = null, int8Scores = null;
        switch (task)
        {
            case "score":
                usedThreshold = threshold;
                mismatches = _mismatches;
                if (labelled)
                {
                    floatScores = new TaskScores(TaskMetrics.F1(_floatTp, _floatFp, _floatFn), Auc(_floatScores), null);
                    int8Scores = new TaskScores(TaskMetrics.F1(_int8Tp, _int8Fp, _int8Fn), Auc(_int8Scores), null);
                }
                break;
            case "classes":
                mismatches = _mismatches;
                if (labelled)
                {
                    floatScores = new TaskScores(MacroF1(_floatClass), null, _floatRight / (double)_rows);
                    int8Scores = new TaskScores(MacroF1(_int8Class), null, _int8Right / (double)_rows);
                }
                break;
            case "reconstruction" when labelled:
                floatScores = new TaskScores(null, Auc(_floatScores), null);
                int8Scores = new TaskScores(null, Auc(_int8Scores), null);
                break;
        }
        if (mismatches is { } m) decisionAgreement = 1 - m / (double)_rows;
        return new OutputComparison(_agreement.Result(), decisionAgreement, mismatches, usedThreshold, floatScores, int8Scores);
    }

    private static void CountClass(ref int[,] counts, int predicted, int actual, int classes)
    {
        int needed = Math.Max(classes, Math.Max(predicted, actual) + 1);
        if (counts.GetLength(0) < needed)
        {
            var grown = new int[needed, 3];
            for (int c = 0; c < counts.GetLength(0); c++) for (int k = 0; k < 3; k++) grown[c, k] = counts[c, k];
            counts = grown;
        }
        if (actual < 0) return;
        if (predicted == actual) counts[actual, 0]++;
        else
        {
            counts[predicted, 1]++;
            counts[actual, 2]++;
        }
    }

    /// <summary>Unweighted mean of the per-class F1 over the classes the labels or predictions contain (scikit-learn's macro average).</summary>
    private static double? MacroF1(int[,] counts)
    {
        var f1 = new List<double>();
        for (int c = 0; c < counts.GetLength(0); c++)
        {
            if (counts[c, 0] + counts[c, 1] + counts[c, 2] == 0) continue;
            f1.Add(TaskMetrics.F1(counts[c, 0], counts[c, 1], counts[c, 2]));
        }
        return f1.Count == 0 ? null : f1.Average();
    }

    private void Keep(double floatScore, double int8Score, bool label)
    {
        _floatScores.Add(floatScore, label);
        _int8Scores.Add(int8Score, label);
    }

    public void Dispose()
    {
        _floatScores.Dispose();
        _int8Scores.Dispose();
    }

    private static void Count(bool predicted, bool actual, ref int tp, ref int fp, ref int fn)
    {
        if (predicted && actual) tp++;
        else if (predicted) fp++;
        else if (actual) fn++;
    }

    private static double? Auc(SpillingAuc scores) => scores.Result() is var auc && double.IsNaN(auc) ? null : auc;

    private static int ArgMax(float[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    private static double Error(float[] output, float[] target)
    {
        double sum = 0;
        for (int i = 0; i < output.Length; i++) sum += (double)(output[i] - target[i]) * (output[i] - target[i]);
        return sum / output.Length;
    }
}
