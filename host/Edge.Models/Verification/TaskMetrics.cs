namespace Edge.Models.Verification;

/// <summary>Binary-task metrics against labels (1 = positive): F1 of decisions, ROC AUC of scores.</summary>
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

    /// <summary>ROC AUC as the Mann-Whitney statistic: the chance a positive outscores a negative, ties counting half.</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> actual)
    {
        int positives = actual.Count(a => a), negatives = actual.Count - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double rankSum = 0;
        for (int i = 0; i < order.Length;)
        {
            int j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]]) j++;
            double rank = (i + j) / 2.0 + 1;                 // average rank of a tie group
            for (int k = i; k <= j; k++) if (actual[order[k]]) rankSum += rank;
            i = j + 1;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
