using System.Globalization;
using Edge.Data.Streaming;
using Edge.Device.Drift;
using Edge.Device.Numerics;
using Edge.Drift.HostKernels;
using Edge.Drift.Profiles;

namespace Edge.Drift.Replay;

/// <summary>
/// Runs a data file through the board's drift code (<see cref="DriftMonitor"/>, compiled for
/// .NET from the same source) row by row, and records what the board would report per window.
/// </summary>
public static class ReplayRunner
{
    /// <summary>Replays a whole table and returns every window (for tables whose windows fit in memory).</summary>
    public static ReplayResult Run(DriftProfile profile, string profileSource, TableSource data, ReplayOptions options)
    {
        var collector = new ReplayCollector();
        Run(profile, profileSource, data, options, collector);
        return collector.Result!;
    }

    /// <summary>
    /// Replays the table a chunk at a time, handing each window to <paramref name="output"/> as the
    /// board would report it: memory holds one chunk of rows and the monitor, at any row count.
    /// </summary>
    public static ReplaySummary Run(DriftProfile profile, string profileSource, TableSource data, ReplayOptions options, IReplayOutput output)
    {
        var request = new TableRequest();
        var encoder = new RowEncoder(profile, data, request, options.Precision);
        var anomalies = options.NoAnomalies ? AnomalySource.None
            : options.AnomalyColumn is { } column ? AnomalySource.FromColumn(request, column, options.AnomalyThreshold)
            : AnomalySource.OutOfProfile(profile);
        // The board's monitor with the host's vector per-sample update (the same counts, see VectorSampleUpdate).
        var monitor = new DriftMonitor(profile, options.WindowSize ?? profile.Policy.WindowSize, VectorSampleUpdateFactory.Fastest);
        output.Begin(new ReplaySetup(profileSource, data.Name, monitor.WindowSize, anomalies.Describe()));

        var chunk = new TableChunk(request);
        var rows = new int[chunk.Capacity * encoder.Width];
        int windows = 0, drifting = 0, bursts = 0;
        int? firstConfirmed = null;
        using (var cursor = data.Open(request))
        {
            while (cursor.Read(chunk))
            {
                encoder.Encode(chunk, rows);
                for (int r = 0, offset = 0; r < chunk.Rows; r++, offset += encoder.Width)
                {
                    if (!monitor.Observe(rows, offset, anomalies.IsAnomalous(chunk, r, rows, offset))) continue;
                    var window = Record(monitor, ++windows);
                    bool burst = window.Verdict == WindowVerdict.Name(WindowVerdict.AnomalyBurst);
                    if (burst) bursts++;
                    else if (window.Drifting) drifting++;
                    if (firstConfirmed is null && window.Verdict == WindowVerdict.Name(WindowVerdict.Confirmed)) firstConfirmed = window.Index;
                    output.Window(window);
                }
            }
            var summary = new ReplaySummary(
                Rows: cursor.RowsRead,
                Windows: windows,
                RowsInPartialWindow: monitor.SamplesInWindow,
                DriftingWindows: drifting,
                BurstWindows: bursts,
                FirstConfirmedWindow: firstConfirmed,
                AlarmsRaised: monitor.Policy.AlarmsRaised,
                AlarmAtEnd: monitor.Policy.Alarm,
                CaptureState: CaptureState.Name(monitor.Capture.State),
                CapturedRows: monitor.Capture.Count,
                MissingValues: monitor.MissingValues);
            output.End(summary, Captured(monitor));
            return summary;
        }
    }

    private static WindowRecord Record(DriftMonitor monitor, int index)
    {
        var report = monitor.LastWindow;
        var columns = monitor.Profile.Columns.Select((c, i) => Column(c, monitor.Profile.Policy, report, i)).ToList();
        long last = (long)index * monitor.WindowSize;
        return new WindowRecord(
            Index: index,
            FirstRow: last - monitor.WindowSize + 1,
            LastRow: last,
            Samples: report.Samples,
            Anomalies: report.Anomalies,
            DriftedFeatures: report.DriftedFeatures,
            DriftShare: Q16.ToDouble(report.DriftShareQ16),
            DataDrift: report.DataDrift,
            PredictionDrift: report.PredictionDrift,
            Drifting: report.Drifting,
            BurstChecked: monitor.BurstChecked,
            Verdict: WindowVerdict.Name(monitor.Policy.LastVerdict),
            Alarm: monitor.Policy.Alarm,
            Capture: CaptureState.Name(monitor.Capture.State),
            Columns: columns);
    }

    /// <summary>One column of a report as doubles; also used for the decayed (continuous) report.</summary>
    public static ColumnRecord Column(ProfileColumn c, DriftPolicySettings policy, DriftReport report, int i)
    {
        bool binned = c.IsBinned;
        double chi = Q16.ToDouble(report.ChiSquare[i]);
        bool hasZ = !binned && c.Slots == 3;
        return new ColumnRecord(
            Name: c.Name,
            Kind: ColumnKind.Name(c.Kind),
            Test: DriftTest.Name(c.Test),
            Threshold: Q16.ToDouble(c.ThresholdQ16),
            Critical: c.Test switch
            {
                DriftTest.KolmogorovSmirnov => Q16.ToDouble(report.KsCritical[i]),
                DriftTest.ChiSquare => Q16.ToDouble(c.CriticalQ16),
                DriftTest.ZTest => Q16.ToDouble(policy.ZCriticalQ16),
                _ => null,
            },
            Drifted: report.Drifted[i],
            Psi: Q16.ToDouble(report.Psi[i]),
            Kl: Q16.ToDouble(report.Kl[i]),
            Js: Q16.ToDouble(report.Js[i]),
            Hellinger: Q16.ToDouble(report.Hellinger[i]),
            Tvd: Q16.ToDouble(report.Tvd[i]),
            Ks: binned ? Q16.ToDouble(report.Ks[i]) : null,
            KsUpper: binned ? Q16.ToDouble(report.KsUpper[i]) : null,
            KsCritical: binned ? Q16.ToDouble(report.KsCritical[i]) : null,
            Wasserstein: binned ? Finite(Q16.ToDouble(report.Wasserstein[i])) : null,
            WassersteinBound: binned ? Finite(Q16.ToDouble(report.WassersteinBound[i])) : null,
            ChiSquare: binned ? null : Finite(chi),
            ChiSquarePValue: binned ? null : CriticalValues.ChiSquarePValue(chi, Math.Max(1, c.Slots - 2)),
            Z: hasZ ? Q16.ToDouble(report.Z[i]) : null,
            ZPValue: hasZ ? CriticalValues.TwoSidedZPValue(Q16.ToDouble(report.Z[i])) : null,
            Missing: report.Missing[i]);
    }

    private static double? Finite(double value) => double.IsInfinity(value) ? null : value;

    private static IReadOnlyList<CapturedRow> Captured(DriftMonitor monitor)
    {
        var capture = monitor.Capture;
        var columns = monitor.Profile.Columns;
        var buffer = new int[columns.Length];
        var result = new List<CapturedRow>();
        for (int i = 0; i < capture.Count; i++)
        {
            long sequence = capture.CopyRow(i, buffer, 0, out bool anomalous);
            var values = columns.Select((c, j) => CapturedValue.Decode(c, buffer[j])).ToList();
            result.Add(new CapturedRow(sequence + 1, anomalous, values));
        }
        return result;
    }
}
