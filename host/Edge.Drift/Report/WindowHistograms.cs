using Edge.Device.Drift;
using Edge.Device.Numerics;

namespace Edge.Drift.Report;

/// <summary>
/// Histograms and data quality of rows in the board's encoding, counted with the board's own
/// binning (<see cref="SlotIndex"/>), against a profile's reference shares.
/// </summary>
public static class WindowHistograms
{
    /// <summary>Column <paramref name="c"/> of <paramref name="rows"/> on the profile's slots.</summary>
    public static FeatureHistogram Of(ProfileColumn column, int c, IReadOnlyList<int[]> rows)
    {
        var counts = new long[column.Slots];
        foreach (var row in rows) counts[SlotIndex.Of(column, row[c])]++;
        return new FeatureHistogram(SlotLabels(column),
            column.RefCounts.Select(r => (double)r / Math.Max(1, column.ReferenceRows)).ToList(),
            counts.Select(n => (double)n / Math.Max(1, rows.Count)).ToList(),
            column.ReferenceRows, rows.Count);
    }

    /// <summary>Values outside the reference's range (numeric columns) or categories it never had (categorical ones).</summary>
    public static DataQuality Quality(ProfileColumn column, int c, IReadOnlyList<int[]> rows, long? missing)
    {
        if (!column.IsBinned)
        {
            int unseen = column.Slots - 1;
            return new DataQuality(rows.Count, missing, null, null, rows.Count(r => SlotIndex.Of(column, r[c]) == unseen));
        }
        if (column.Kind != ColumnKind.Numeric) return new DataQuality(rows.Count, missing, null, null, null);
        return new DataQuality(rows.Count, missing, rows.Count(r => r[c] < column.RefMin), rows.Count(r => r[c] > column.RefMax), null);
    }

    /// <summary>Slot names: bins as their value ranges in the data's units ("≤ 0.12", "0.12–0.31", "> 2.5"), categories by name, then "(unseen)".</summary>
    public static IReadOnlyList<string> SlotLabels(ProfileColumn column)
    {
        if (!column.IsBinned) return [.. column.Categories, "(unseen)"];
        var values = column.Edges.Select(e => FixedPointInput.ToDouble(e, column.Shift)).ToList();
        int decimals = Decimals(values);
        var edges = values.Select(v => Short(v, decimals)).ToList();
        if (edges.Count == 0) return ["all values"];
        var labels = new List<string> { "≤ " + edges[0] };
        for (int i = 1; i < edges.Count; i++) labels.Add(edges[i - 1] + "–" + edges[i]);
        labels.Add("> " + edges[^1]);
        return labels;
    }

    /// <summary>Decimals enough for neighbouring edges to read differently (quantiles of a narrow band differ in the fourth digit), at least 3, at most 8.</summary>
    private static int Decimals(IReadOnlyList<double> edges)
    {
        for (int d = 3; d < 8; d++)
        {
            bool distinct = true;
            for (int i = 1; i < edges.Count && distinct; i++)
                distinct = edges[i] == edges[i - 1] || Short(edges[i], d) != Short(edges[i - 1], d);
            if (distinct) return d;
        }
        return 8;
    }

    private static string Short(double value, int decimals) =>
        value.ToString(Math.Abs(value) >= 100 ? "0" : "0." + new string('#', decimals), System.Globalization.CultureInfo.InvariantCulture);
}
