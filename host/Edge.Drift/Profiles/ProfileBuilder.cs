using System.Globalization;
using Edge.Data;
using Edge.Device.Drift;
using Edge.Device.Numerics;

namespace Edge.Drift.Profiles;

/// <summary>
/// Builds a drift reference profile from a reference table: per numeric column the bin edges at
/// the reference quantiles k/bins (numpy's linear rule), the reference counts per bin (binned by
/// the board's own code), tail means, std and range, all in a per-column fixed point; per
/// categorical column the categories and their counts; tests, thresholds and critical values;
/// and the detection policy.
/// </summary>
public static class ProfileBuilder
{
    /// <summary>Reference rows needed per histogram bin, at the least.</summary>
    public const int MinRowsPerBin = 2;

    public static DriftProfile Build(Table reference, ProfileOptions options)
    {
        Validate(options);
        // Every share, edge and test of the profile comes from these rows; with a handful, every column has a
        // handful of distinct values and would be taken for a category.
        if (reference.RowCount < MinRowsPerBin * options.Bins)
            throw new DataFileException(reference.Source, $"has {reference.RowCount} data row(s); a reference profile with {options.Bins} bins needs at least " +
                $"{MinRowsPerBin * options.Bins} (hundreds are better): give more reference data, or fewer --bins");
        var columns = new List<ProfileColumn>();
        var predictionNames = new[] { options.PredictionScoreColumn, options.PredictedClassColumn }.OfType<string>().ToList();
        var forcedCategorical = ColumnSelection.Expand(reference, options.Categorical, "--categorical").ToHashSet(StringComparer.Ordinal);
        // Naming a column categorical also selects it.
        var include = options.Columns.Count == 0 ? options.Columns : options.Columns.Concat(options.Categorical).ToList();
        var selected = ColumnSelection.Resolve(reference, include, options.Exclude.Concat(predictionNames).ToList());
        if (selected.Count == 0) throw new DataFileException(reference.Source, "no columns left to monitor (check --columns and --exclude)");

        foreach (var name in selected)
            columns.Add(BuildColumn(reference, name, forcedCategorical.Contains(name), prediction: false, options));
        if (options.PredictionScoreColumn is { } score)
            columns.Add(BuildColumn(reference, score, categorical: false, prediction: true, options));
        if (options.PredictedClassColumn is { } predictedClass)
            columns.Add(BuildColumn(reference, predictedClass, categorical: true, prediction: true, options));

        int numericFeatures = columns.Count(c => c.Kind == ColumnKind.Numeric);
        var policy = new DriftPolicySettings
        {
            WindowSize = options.WindowSize,
            DriftShareQ16 = Q16.From(options.DriftShare),
            ConsecutiveWindows = options.ConsecutiveWindows,
            CombineMode = ParseCombine(options.Combine),
            BurstRateQ16 = Q16.From(options.BurstRate),
            MinNormalShareQ16 = Q16.From(options.MinNormalShare),
            DecayBlock = options.DecayBlock,
            DecayShift = options.DecayShift,
            CaptureRows = options.CaptureRows,
            OutOfProfileMinFeatures = options.OutOfProfileFeatures ?? (numericFeatures == 0 ? 0 : Math.Max(1, (int)Math.Ceiling(0.1 * numericFeatures))),
            AlphaQ16 = Q16.From(options.Alpha),
            KsCoefficientQ16 = Q16.From(CriticalValues.KolmogorovSmirnov(options.Alpha)),
            ZCriticalQ16 = Q16.From(CriticalValues.TwoSidedZ(options.Alpha)),
        };
        var draft = new DriftProfile(reference.RowCount, policy, columns.ToArray());
        // Round trip through the board's reader: what is returned is exactly what a board would load.
        return DriftProfileReader.Read(ProfileWriter.Write(draft), reference.Source + " (profile)");
    }

    private static ProfileColumn BuildColumn(Table reference, string name, bool categorical, bool prediction, ProfileOptions options)
    {
        CheckName(reference, name, "column name");
        var column = reference.Column(name);
        if (!categorical && column.IsMostlyNumeric)
        {
            // Numbers() names the first cell that is not a number.
            var values = reference.Numbers(name);
            int distinct = values.Distinct().Count();
            if (distinct > options.MaxDistinctForCategories || prediction)
                return BuildNumeric(reference.Source, name, values, prediction, reference.RowCount, options);
            return BuildCategorical(reference, name, values.Select(CategoryKey.Of).ToArray(), prediction, options);
        }
        return BuildCategorical(reference, name, reference.Texts(name), prediction, options);
    }

    private static ProfileColumn BuildNumeric(string source, string name, double[] values, bool prediction, int referenceRows, ProfileOptions options)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        int shift = ChooseShift(sorted, options.Headroom);
        var edges = Quantiles.InnerEdges(sorted, options.Bins);
        CheckResolution(source, name, sorted, edges, shift);
        var col = new ProfileColumn
        {
            Name = name,
            Kind = prediction ? ColumnKind.PredictionScore : ColumnKind.Numeric,
            Slots = options.Bins,
            Shift = shift,
            Edges = edges.Select(e => FixedPointInput.FromDouble(e, shift)).ToArray(),
        };
        var fixedValues = values.Select(v => FixedPointInput.FromDouble(v, shift)).ToArray();
        col.RefCounts = new int[options.Bins];
        long lowSum = 0, highSum = 0;
        foreach (int v in fixedValues)
        {
            int slot = SlotIndex.Of(col, v);
            col.RefCounts[slot]++;
            if (slot == 0) lowSum += (long)col.Edges[0] - v;
            if (slot == options.Bins - 1) highSum += (long)v - col.Edges[^1];
        }
        col.RefLowMeanOffset = MeanOffset(lowSum, col.RefCounts[0]);
        col.RefHighMeanOffset = MeanOffset(highSum, col.RefCounts[^1]);
        double mean = values.Average();
        double std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length); // population std, as numpy
        col.SigmaDivisor = Math.Max(1, FixedPointInput.FromDouble(Math.Max(std, 0.001), shift));
        col.RefMin = fixedValues.Min();
        col.RefMax = fixedValues.Max();
        SetTest(col, binned: true, referenceRows, options.Bins, options);
        return col;
    }

    private static ProfileColumn BuildCategorical(Table reference, string name, string[] values, bool prediction, ProfileOptions options)
    {
        var categories = values.Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal).ToArray();
        if (categories.Length > DriftProfileFormat.MaxCategories)
            throw new DataFileException(reference.Source, $"{categories.Length} distinct values; a categorical column may have at most {DriftProfileFormat.MaxCategories} (is it numeric with bad cells? see --categorical)", column: name);
        foreach (var category in categories) CheckName(reference, category, $"category of column '{name}'");
        var index = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var col = new ProfileColumn
        {
            Name = name,
            Kind = prediction ? ColumnKind.PredictedClass : ColumnKind.Categorical,
            Slots = categories.Length + 1,
            Categories = categories,
            RefCounts = new int[categories.Length + 1],
        };
        foreach (var v in values) col.RefCounts[index[v]]++;
        SetTest(col, binned: false, reference.RowCount, categories.Length, options);
        return col;
    }

    private static void SetTest(ProfileColumn col, bool binned, int referenceRows, int categories, ProfileOptions options)
    {
        string? requested = binned ? options.NumericTest : options.CategoricalTest;
        col.Test = requested is null ? DefaultTests.For(binned, referenceRows, categories) : DefaultTests.Parse(requested, binned);
        if (col.Test == DriftTest.ZTest && categories != 2)
            col.Test = categories > 2 ? DriftTest.ChiSquare : DriftTest.JensenShannon;
        if (col.Test == DriftTest.ChiSquare && categories < 2)
            col.Test = DriftTest.JensenShannon;
        bool significance = DefaultTests.IsSignificanceTest(col.Test);
        col.ThresholdQ16 = Q16.From(significance ? options.Alpha : options.Threshold ?? DefaultTests.DistanceThreshold);
        col.CriticalQ16 = binned || categories < 2 ? 0 : Q16.From(CriticalValues.ChiSquare(options.Alpha, categories - 1));
    }

    /// <summary>
    /// The largest power-of-two scale that keeps headroom times the reference's largest magnitude
    /// inside an int32, so values far beyond the reference still convert without saturating.
    /// </summary>
    public static int ChooseShift(IReadOnlyList<double> values, double headroom)
    {
        double maxAbs = values.Max(Math.Abs);
        if (maxAbs == 0) return 20;
        int shift = (int)Math.Floor(Math.Log2(int.MaxValue / (headroom * maxAbs)));
        return Math.Clamp(shift, -60, 62);
    }

    /// <summary>
    /// The fixed point is scaled for the column's largest magnitude. A few extreme values (an error
    /// code such as 1e9 among readings of 0.002) scale it so coarsely that the bin edges round
    /// together: every value then lands in one bin, and the column's test can never fire, silently.
    /// Such a reference is refused, naming the values, rather than profiled into a dead column.
    /// (Scaling for the bins instead would saturate the extremes, but leave the column's std,
    /// tail means and range, which the Wasserstein and out-of-profile tests use, meaningless.)
    /// </summary>
    private static void CheckResolution(string source, string name, double[] sorted, double[] edges, int shift)
    {
        for (int i = 1; i < edges.Length; i++)
        {
            if (edges[i] > edges[i - 1] && FixedPointInput.FromDouble(edges[i], shift) == FixedPointInput.FromDouble(edges[i - 1], shift))
            {
                var inv = System.Globalization.CultureInfo.InvariantCulture;
                double low = Quantiles.Linear(sorted, 0.05), high = Quantiles.Linear(sorted, 0.95);
                double extreme = Math.Max(Math.Abs(sorted[0]), Math.Abs(sorted[^1]));
                int far = sorted.Count(v => Math.Abs(v) > 1000 * Math.Max(Math.Abs(low), Math.Abs(high)));
                throw new DataFileException(source, string.Create(inv,
                    $"values of magnitude up to {extreme:G3} ({far} of them more than 1000 times beyond the bulk, {low:G3} .. {high:G3} from the 5th to the 95th percentile) " +
                    $"leave the board's 32-bit fixed point too coarse to tell its bin edges apart ({edges[i - 1]:G3} and {edges[i]:G3} round together), which would disable the column's test. " +
                    $"If they are error codes, remove those rows from the reference; otherwise leave the column out (--exclude) or bring it to a common scale."), column: name);
            }
        }
    }

    private static int MeanOffset(long sum, long count) =>
        count == 0 ? 0 : (int)Math.Min(int.MaxValue, Math.Round((double)sum / count, MidpointRounding.AwayFromZero));

    private static byte ParseCombine(string mode) => mode.Trim().ToLowerInvariant() switch
    {
        "data" => CombineMode.Data,
        "prediction" => CombineMode.Prediction,
        "data-and-prediction" or "and" => CombineMode.DataAndPrediction,
        "data-or-prediction" or "or" => CombineMode.DataOrPrediction,
        _ => throw new Edge.Common.SettingException($"unknown combine mode '{mode}' (data, prediction, data-and-prediction, data-or-prediction)"),
    };

    private static void CheckName(Table table, string name, string what)
    {
        if (name.Length is 0 or > 255 || name.Any(ch => ch < 0x20 || ch > 0x7E))
            throw new DataFileException(table.Source, $"{what} '{name}' must be 1..255 printable ASCII characters (the board stores names as ASCII)", column: name);
    }

    private static void Validate(ProfileOptions o)
    {
        void Require(bool ok, string message) { if (!ok) throw new Edge.Common.SettingException(message); }
        Require(o.Bins is >= DriftProfileFormat.MinBins and <= DriftProfileFormat.MaxBins, $"--bins must be {DriftProfileFormat.MinBins}..{DriftProfileFormat.MaxBins}");
        Require(o.WindowSize is >= 1 and <= DriftProfileFormat.MaxWindow, $"--window must be 1..{DriftProfileFormat.MaxWindow}");
        Require(o.Alpha is > 0 and < 1, "--alpha must be between 0 and 1");
        Require(o.Threshold is null or > 0, "--threshold must be positive");
        Require(o.DriftShare is >= 0 and <= 1, "--drift-share must be within 0..1");
        Require(o.ConsecutiveWindows is >= 1 and <= 255, "--consecutive must be 1..255");
        Require(o.BurstRate is >= 0 and <= 1 && o.MinNormalShare is >= 0 and <= 1, "--burst-rate and --min-normal-share must be within 0..1");
        Require(o.CaptureRows is >= 0 and <= 65535, "--capture-rows must be 0..65535");
        Require(o.DecayBlock is >= 1 and <= 65535 && o.DecayShift is >= 1 and <= 12, "--decay-block must be at least 1 and --decay-shift 1..12");
        Require((((long)o.DecayBlock << o.DecayShift) + o.DecayBlock) * 16 <= DriftProfileFormat.MaxDecayedTotal,
            "--decay-block times 2^--decay-shift is too long a memory for 16-bit counts (keep it under 4000 samples)");
        Require(o.Headroom >= 1, "headroom must be at least 1");
    }
}
