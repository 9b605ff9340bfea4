using Edge.Device.Drift;
using Edge.Device.Link.Messages;
using Edge.Device.Numerics;

namespace Edge.Board.Client;

/// <summary>
/// One column of a board's window report: its statistics as the board computed them (Q16), which
/// are saturated (32768 or more, or infinite: the number is then only a lower bound), whether its
/// test fired, and how many of its values were missing in the window.
/// </summary>
public sealed record WindowColumn(int Index, IReadOnlyList<int> StatisticsQ16, ushort Saturated, bool Drifted, int Missing)
{
    public int TestValueQ16 => StatisticsQ16[WindowPage.TestValue];
    public int PsiQ16 => StatisticsQ16[WindowPage.Psi];
    public int KlQ16 => StatisticsQ16[WindowPage.Kl];
    public int JsQ16 => StatisticsQ16[WindowPage.Js];
    public int HellingerQ16 => StatisticsQ16[WindowPage.Hellinger];
    public int TvdQ16 => StatisticsQ16[WindowPage.Tvd];
    public int KsQ16 => StatisticsQ16[WindowPage.Ks];
    public int WassersteinQ16 => StatisticsQ16[WindowPage.Wasserstein];
    public int ChiSquareQ16 => StatisticsQ16[WindowPage.ChiSquare];

    public bool IsSaturated(int statistic) => (Saturated & (1 << statistic)) != 0;

    /// <summary>A statistic as a number: +infinity when saturated (its real value is unknown, and at least 32768).</summary>
    public double Value(int statistic) => IsSaturated(statistic) ? double.PositiveInfinity : Q16.ToDouble(StatisticsQ16[statistic]);

    /// <summary>The statistic the column's test decides on.</summary>
    public double TestValue => Value(WindowPage.TestValue);

    // Records compare lists by reference; columns compare by what they hold.
    public bool Equals(WindowColumn? other) =>
        other is not null && Index == other.Index && Saturated == other.Saturated && Drifted == other.Drifted && Missing == other.Missing
        && StatisticsQ16.SequenceEqual(other.StatisticsQ16);

    public override int GetHashCode() => HashCode.Combine(Index, Saturated, Drifted, Missing, StatisticsQ16.Count > 0 ? StatisticsQ16[0] : 0);
}

/// <summary>A window report as the board sent it (all pages joined).</summary>
/// <param name="Index">Windows the board had completed when this one closed (1 for the first; 0: no window yet).</param>
/// <param name="Verdict">The <see cref="WindowVerdict"/> code.</param>
public sealed record WindowReport(
    long Index, int Samples, int Anomalies, int DriftedFeatures, int DriftShareQ16, bool DataDrift, bool PredictionDrift,
    bool Drifting, bool BurstChecked, bool Alarm, byte Verdict, int TotalColumns, IReadOnlyList<WindowColumn> Columns)
{
    public string VerdictName => WindowVerdict.Name(Verdict);

    /// <summary>Share of features drifted, 0..1.</summary>
    public double DriftShare => Q16.ToDouble(DriftShareQ16);

    /// <summary>Anomalies per sample in the window, 0..1.</summary>
    public double AnomalyRate => Samples == 0 ? 0 : (double)Anomalies / Samples;

    /// <summary>One page as a report holding that page's columns.</summary>
    public static WindowReport From(WindowPage p)
    {
        var columns = new List<WindowColumn>(p.Count);
        for (int c = p.First; c < p.First + p.Count; c++)
        {
            var statistics = new int[WindowPage.StatisticCount];
            for (int k = 0; k < statistics.Length; k++) statistics[k] = p.Values[k][c];
            columns.Add(new WindowColumn(c, statistics, p.Saturated[c], p.Drifted[c], p.Missing[c]));
        }
        return new WindowReport(p.Index, p.Samples, p.Anomalies, p.DriftedFeatures, p.DriftShareQ16, p.Flag(WindowPage.DataDriftFlag),
            p.Flag(WindowPage.PredictionDriftFlag), p.Flag(WindowPage.DriftingFlag), p.Flag(WindowPage.BurstCheckedFlag), p.Flag(WindowPage.AlarmFlag),
            (byte)p.Verdict, p.TotalColumns, columns);
    }

    /// <summary>This page followed by the next page's columns (same window).</summary>
    public WindowReport Join(WindowReport next) => this with { Columns = Columns.Concat(next.Columns).ToList() };

    public bool Complete => Columns.Count == TotalColumns;
}

/// <summary>
/// Joins telemetry pages into reports: pages of one window arrive in order, the first starting
/// at column 0. A page that does not continue the report being joined starts a new one (the
/// rest of the old one was lost).
/// </summary>
public sealed class WindowPageJoiner
{
    private WindowReport? _partial;

    /// <summary>Adds a page; returns the report when this page completed it.</summary>
    public WindowReport? Add(WindowPage page)
    {
        var report = WindowReport.From(page);
        bool continues = _partial is not null && page.First == _partial.Columns.Count && page.Index == _partial.Index && page.First > 0;
        _partial = continues ? _partial!.Join(report) : page.First == 0 ? report : null;
        if (_partial is not { Complete: true } complete) return null;
        _partial = null;
        return complete;
    }
}
