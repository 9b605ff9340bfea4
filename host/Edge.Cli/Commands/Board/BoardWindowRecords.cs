using Edge.Board.Client;
using Edge.Device.Drift;
using Edge.Device.Link.Messages;
using Edge.Drift;
using Edge.Drift.Replay;

namespace Edge.Cli.Commands.Board;

/// <summary>
/// A board's window reports in the replay's record shape, named by the profile the board runs,
/// so `edge drift report` shows them like a replay. What the link does not carry (KS's critical
/// value and upper bound, Wasserstein's error bound, the capture state) stays null or empty.
/// </summary>
internal static class BoardWindowRecords
{
    /// <param name="ordinal">The window's place in the stream (1 = the first window reported while streaming): its rows are counted from the stream's first row.</param>
    public static WindowRecord From(WindowReport report, DriftProfile profile, int windowSize, int ordinal)
    {
        var columns = report.Columns.OrderBy(c => c.Index).Select(c => Column(profile.Columns[c.Index], profile.Policy, c)).ToList();
        return new WindowRecord(
            Index: ordinal,
            FirstRow: (ordinal - 1) * windowSize + 1,
            LastRow: ordinal * windowSize,
            Samples: report.Samples,
            Anomalies: report.Anomalies,
            DriftedFeatures: report.DriftedFeatures,
            DriftShare: report.DriftShare,
            DataDrift: report.DataDrift,
            PredictionDrift: report.PredictionDrift,
            Drifting: report.Drifting,
            BurstChecked: report.BurstChecked,
            Verdict: report.VerdictName,
            Alarm: report.Alarm,
            Capture: "",
            Columns: columns);
    }

    private static ColumnRecord Column(ProfileColumn c, DriftPolicySettings policy, WindowColumn w)
    {
        bool binned = c.IsBinned;
        double? Finite(int statistic) => w.IsSaturated(statistic) ? null : w.Value(statistic);
        return new ColumnRecord(
            Name: c.Name,
            Kind: ColumnKind.Name(c.Kind),
            Test: DriftTest.Name(c.Test),
            Threshold: Q16.ToDouble(c.ThresholdQ16),
            Critical: c.Test switch
            {
                DriftTest.ChiSquare => Q16.ToDouble(c.CriticalQ16),
                DriftTest.ZTest => Q16.ToDouble(policy.ZCriticalQ16),
                _ => null,
            },
            Drifted: w.Drifted,
            Psi: w.Value(WindowPage.Psi),
            Kl: w.Value(WindowPage.Kl),
            Js: w.Value(WindowPage.Js),
            Hellinger: w.Value(WindowPage.Hellinger),
            Tvd: w.Value(WindowPage.Tvd),
            Ks: binned ? Finite(WindowPage.Ks) : null,
            KsUpper: null,
            KsCritical: null,
            Wasserstein: binned ? Finite(WindowPage.Wasserstein) : null,
            WassersteinBound: null,
            ChiSquare: binned ? null : Finite(WindowPage.ChiSquare),
            ChiSquarePValue: null,
            Z: !binned && c.Test == DriftTest.ZTest ? Finite(WindowPage.TestValue) : null,
            ZPValue: null,
            Missing: w.Missing);
    }
}
