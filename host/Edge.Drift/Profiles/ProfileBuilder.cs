using System.Globalization;
using Edge.Data;
using Edge.Data.Streaming;
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

    /// <summary>The most values one pass of the quantile selection holds, over all columns (32 MB of doubles).</summary>
    public const long SelectionBudget = 4L << 20;

    /// <summary>
    /// Builds the profile in passes over the reference, holding a chunk of rows at a time: one pass
    /// surveys every column (counts, range, sum, distinct values while few), the next ones find the
    /// exact quantiles (<see cref="ExactSelection"/>) and the spread, the last bins the rows. The
    /// result is the same as sorting each column in memory.
    /// </summary>
    public static DriftProfile Build(TableSource reference, ProfileOptions options)
    {
        Validate(options);
        var predictionNames = new[] { options.PredictionScoreColumn, options.PredictedClassColumn }.OfType<string>().ToList();
        var forcedCategorical = ColumnSelection.Expand(reference, options.Categorical, "--categorical").ToHashSet(StringComparer.Ordinal);
        // Naming a column categorical also selects it.
        var include = options.Columns.Count == 0 ? options.Columns : options.Columns.Concat(options.Categorical).ToList();
        var selected = ColumnSelection.Resolve(reference, include, options.Exclude.Concat(predictionNames).ToList());
        if (selected.Count == 0) throw new DataFileException(reference.Name, "no columns left to monitor (check --columns and --exclude)");

        var surveys = selected.Select(name => new ColumnSurvey(name, forcedCategorical.Contains(name), prediction: false, options.MaxDistinctForCategories)).ToList();
        if (options.PredictionScoreColumn is { } score) surveys.Add(new ColumnSurvey(score, categorical: false, prediction: true, options.MaxDistinctForCategories));
        if (options.PredictedClassColumn is { } predictedClass) surveys.Add(new ColumnSurvey(predictedClass, categorical: true, prediction: true, options.MaxDistinctForCategories));
        foreach (var survey in surveys)
        {
            CheckName(reference, survey.Name, "column name");
            reference.IndexOf(survey.Name);
        }

        long rows = Survey(reference, surveys);
        // Every share, edge and test of the profile comes from these rows; with a handful, every column has a
        // handful of distinct values and would be taken for a category.
        if (rows < MinRowsPerBin * options.Bins)
            throw new DataFileException(reference.Name, $"has {rows} data row(s); a reference profile with {options.Bins} bins needs at least " +
                $"{MinRowsPerBin * options.Bins} (hundreds are better): give more reference data, or fewer --bins");

        var columns = new ProfileColumn[surveys.Count];
        var numeric = new List<(int Index, ColumnSurvey Survey)>();
        for (int i = 0; i < surveys.Count; i++)
        {
            var survey = surveys[i];
            if (!survey.Categorical && survey.IsMostlyNumeric)
            {
                if (survey.FirstNonNumberRow is not null) ThrowFirstBadCell(reference, survey.Name);
                if (survey.DistinctNumbers is not { } distinct || distinct > options.MaxDistinctForCategories || survey.Prediction)
                {
                    numeric.Add((i, survey));
                    continue;
                }
                var byKey = survey.Numbers!.GroupBy(p => CategoryKey.Of(BitConverter.Int64BitsToDouble(p.Key)), p => p.Value)
                    .Select(g => (Text: g.Key, Count: g.Sum()));
                columns[i] = BuildCategorical(reference, survey.Name, byKey, survey.Prediction, rows, options);
            }
            else
            {
                if (survey.Texts.Overflowed)
                    throw new DataFileException(reference.Name, $"more than {ColumnSurvey.MaxTexts} distinct values; a categorical column may have at most {DriftProfileFormat.MaxCategories} (is it numeric with bad cells? see --categorical)", column: survey.Name);
                columns[i] = BuildCategorical(reference, survey.Name, survey.TextCounts, survey.Prediction, rows, options);
            }
        }
        foreach (var (index, column) in BuildNumeric(reference, numeric.Select(n => n.Survey).ToList(), rows, options).Zip(numeric.Select(n => n.Index)).Select(p => (p.Second, p.First)))
            columns[index] = column;

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
        var draft = new DriftProfile(rows, policy, columns);
        // Round trip through the board's reader: what is returned is exactly what a board would load.
        return DriftProfileReader.Read(ProfileWriter.Write(draft), reference.Name + " (profile)");
    }

    /// <summary>The first pass: every column as text and number.</summary>
    private static long Survey(TableSource reference, IReadOnlyList<ColumnSurvey> surveys)
    {
        var request = new TableRequest();
        foreach (var survey in surveys) request.Text(survey.Name, survey.Texts);
        using var cursor = reference.Open(request);
        var chunk = new TableChunk(request);
        while (cursor.Read(chunk))
        {
            for (int c = 0; c < surveys.Count; c++) surveys[c].Add(chunk, c);
        }
        return cursor.RowsRead;
    }

    /// <summary>A mostly numeric column with a cell that is not a number: reading it as numbers names that cell (file, row, column, text).</summary>
    private static void ThrowFirstBadCell(TableSource reference, string name)
    {
        var request = new TableRequest();
        request.Number(name);
        using var cursor = reference.Open(request);
        var chunk = new TableChunk(request);
        while (cursor.Read(chunk)) { }
        throw new InvalidOperationException($"column '{name}' read as numbers the second time"); // the file changed between passes
    }

    /// <summary>Passes over the numeric columns: exact quantiles and the spread, then the rows binned on the edges.</summary>
    private static IReadOnlyList<ProfileColumn> BuildNumeric(TableSource reference, IReadOnlyList<ColumnSurvey> surveys, long rows, ProfileOptions options)
    {
        if (surveys.Count == 0) return [];
        var request = new TableRequest();
        foreach (var survey in surveys) request.Number(survey.Name);
        var chunk = new TableChunk(request);
        // The 5th and 95th percentiles describe the bulk when extreme values make the fixed point too coarse (CheckResolution).
        var ranks = Quantiles.RanksForInnerEdges(rows, options.Bins).Concat(Quantiles.Ranks(rows, BulkLow)).Concat(Quantiles.Ranks(rows, BulkHigh)).Distinct().Order().ToArray();
        long share = SelectionBudget / surveys.Count;
        var selections = surveys.Select(s => new ExactSelection(rows, ranks, s.Min, s.Max, share)).ToArray();
        var means = surveys.Select(s => s.Sum / rows).ToArray();
        var squares = new double[surveys.Count];
        bool first = true;
        while (first || !selections.All(s => s.Done))
        {
            Pass(reference, request, chunk, (c, values) =>
            {
                var selection = selections[c];
                if (!selection.Done) foreach (double v in values) selection.Add(v);
                if (!first) return;
                double mean = means[c], sum = squares[c];
                foreach (double v in values) sum += (v - mean) * (v - mean);
                squares[c] = sum;
            });
            foreach (var selection in selections) if (!selection.Done) selection.EndPass();
            first = false;
        }

        var columns = surveys.Select((s, c) =>
        {
            int shift = ChooseShift([s.Min, s.Max], options.Headroom);
            var edges = Quantiles.InnerEdges(rows, options.Bins, rank => selections[c][rank]);
            CheckResolution(reference, s, edges, shift, q => Quantiles.Linear(rows, q, rank => selections[c][rank]));
            var column = new ProfileColumn
            {
                Name = s.Name,
                Kind = s.Prediction ? ColumnKind.PredictionScore : ColumnKind.Numeric,
                Slots = options.Bins,
                Shift = shift,
                Edges = edges.Select(e => FixedPointInput.FromDouble(e, shift)).ToArray(),
                RefCounts = new int[options.Bins],
                RefMin = FixedPointInput.FromDouble(s.Min, shift),
                RefMax = FixedPointInput.FromDouble(s.Max, shift),
            };
            double std = Math.Sqrt(squares[c] / rows); // population std, as numpy
            column.SigmaDivisor = Math.Max(1, FixedPointInput.FromDouble(Math.Max(std, 0.001), shift));
            return column;
        }).ToArray();

        // The reference counts per bin, binned by the board's own code, and the tails' mean distance beyond the outer edges.
        var lowSums = new long[columns.Length];
        var highSums = new long[columns.Length];
        Pass(reference, request, chunk, (c, values) =>
        {
            var column = columns[c];
            foreach (double value in values)
            {
                int v = FixedPointInput.FromDouble(value, column.Shift);
                int slot = SlotIndex.Of(column, v);
                column.RefCounts[slot]++;
                if (slot == 0) lowSums[c] += (long)column.Edges[0] - v;
                if (slot == options.Bins - 1) highSums[c] += (long)v - column.Edges[^1];
            }
        });
        for (int c = 0; c < columns.Length; c++)
        {
            var column = columns[c];
            column.RefLowMeanOffset = MeanOffset(lowSums[c], column.RefCounts[0]);
            column.RefHighMeanOffset = MeanOffset(highSums[c], column.RefCounts[^1]);
            SetTest(column, binned: true, rows, options.Bins, options);
        }
        return columns;
    }

    private delegate void ColumnValues(int column, ReadOnlySpan<double> values);

    private static void Pass(TableSource reference, TableRequest request, TableChunk chunk, ColumnValues each)
    {
        using var cursor = reference.Open(request);
        while (cursor.Read(chunk))
        {
            for (int c = 0; c < request.Columns.Count; c++) each(c, chunk.Numbers(c));
        }
    }

    private static ProfileColumn BuildCategorical(TableSource reference, string name, IEnumerable<(string Text, long Count)> values, bool prediction, long rows, ProfileOptions options)
    {
        var counted = values.Where(v => v.Count > 0).OrderBy(v => v.Text, StringComparer.Ordinal).ToArray();
        if (counted.Length > DriftProfileFormat.MaxCategories)
            throw new DataFileException(reference.Name, $"{counted.Length} distinct values; a categorical column may have at most {DriftProfileFormat.MaxCategories} (is it numeric with bad cells? see --categorical)", column: name);
        foreach (var (category, _) in counted) CheckName(reference, category, $"category of column '{name}'");
        var col = new ProfileColumn
        {
            Name = name,
            Kind = prediction ? ColumnKind.PredictedClass : ColumnKind.Categorical,
            Slots = counted.Length + 1,
            Categories = counted.Select(v => v.Text).ToArray(),
            RefCounts = counted.Select(v => checked((int)v.Count)).Append(0).ToArray(),
        };
        SetTest(col, binned: false, rows, counted.Length, options);
        return col;
    }

    private static void SetTest(ProfileColumn col, bool binned, long referenceRows, int categories, ProfileOptions options)
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

    private const double BulkLow = 0.05, BulkHigh = 0.95;

    /// <summary>
    /// The fixed point is scaled for the column's largest magnitude. A few extreme values (an error
    /// code such as 1e9 among readings of 0.002) scale it so coarsely that the bin edges round
    /// together: every value then lands in one bin, and the column's test can never fire, silently.
    /// Such a reference is refused, naming the values, rather than profiled into a dead column.
    /// (Scaling for the bins instead would saturate the extremes, but leave the column's std,
    /// tail means and range, which the Wasserstein and out-of-profile tests use, meaningless.)
    /// Counting the far values for the message takes one more pass, only when refusing.
    /// </summary>
    private static void CheckResolution(TableSource reference, ColumnSurvey survey, double[] edges, int shift, Func<double, double> quantile)
    {
        for (int i = 1; i < edges.Length; i++)
        {
            if (edges[i] > edges[i - 1] && FixedPointInput.FromDouble(edges[i], shift) == FixedPointInput.FromDouble(edges[i - 1], shift))
            {
                var inv = CultureInfo.InvariantCulture;
                double low = quantile(BulkLow), high = quantile(BulkHigh);
                double extreme = Math.Max(Math.Abs(survey.Min), Math.Abs(survey.Max));
                double bulk = 1000 * Math.Max(Math.Abs(low), Math.Abs(high));
                long far = 0;
                var request = new TableRequest();
                request.Number(survey.Name);
                Pass(reference, request, new TableChunk(request), (_, values) => { foreach (double v in values) if (Math.Abs(v) > bulk) far++; });
                throw new DataFileException(reference.Name, string.Create(inv,
                    $"values of magnitude up to {extreme:G3} ({far} of them more than 1000 times beyond the bulk, {low:G3} .. {high:G3} from the 5th to the 95th percentile) " +
                    $"leave the board's 32-bit fixed point too coarse to tell its bin edges apart ({edges[i - 1]:G3} and {edges[i]:G3} round together), which would disable the column's test. " +
                    $"If they are error codes, remove those rows from the reference; otherwise leave the column out (--exclude) or bring it to a common scale."), column: survey.Name);
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

    private static void CheckName(TableSource table, string name, string what)
    {
        if (name.Length is 0 or > 255 || name.Any(ch => ch < 0x20 || ch > 0x7E))
            throw new DataFileException(table.Name, $"{what} '{name}' must be 1..255 printable ASCII characters (the board stores names as ASCII)", column: name);
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
