namespace Edge.Models.Verification;

/// <summary>Binary-task metrics against labels (1 = positive): F1 of decisions (the ROC AUC of scores is <see cref="SpillingAuc"/>).</summary>
public static class TaskMetrics
{
    public static double F1(IReadOnlyList<bool> predicted, IReadOnlyList<bool> actual)
    {
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < predicted.Count; i++)
        {
            if (predicted[i] && actual[i]) tp++;
            else if (predicted[i]) fp++;
            else if (actual[i]) fn++;
        }
        return F1(tp, fp, fn);
    }

    /// <summary>F1 from the counts of true positives, false positives and false negatives.</summary>
    public static double F1(int tp, int fp, int fn) => tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
}
