namespace Edge.Drift.Report;

/// <summary>
/// Everything the drift report shows, whichever source it came from (a replay of a data file, or
/// a board's reported windows and capture): the window timeline, one window in detail (each
/// feature's histograms, metrics, decision and data quality) and the policy that judged them.
/// What a source cannot say is null here and "not reported" on the page.
/// </summary>
/// <param name="Source">Where the windows come from, for the reader ("replay of drift_289V.features.csv through the board's drift code").</param>
/// <param name="CurrentDescription">What the "current" histograms hold ("window 3, rows 1001-1500", "the 500 rows the board captured").</param>
/// <param name="FocusWindow">The window whose features are shown in detail (1-based).</param>
public sealed record DriftReportModel(
    string Title,
    string Source,
    string ProfileSource,
    long ReferenceRows,
    int WindowSize,
    PolicyView Policy,
    IReadOnlyList<WindowPoint> Windows,
    IReadOnlyList<DataSegment> Segments,
    int FocusWindow,
    string FocusReason,
    string CurrentDescription,
    IReadOnlyList<FeatureView> Features,
    IReadOnlyList<string> Notes)
{
    public WindowPoint? Focus => Windows.FirstOrDefault(w => w.Index == FocusWindow);

    /// <summary>The first window whose verdict is "confirmed"; null when drift was never confirmed.</summary>
    public WindowPoint? FirstConfirmed => Windows.FirstOrDefault(w => w.Verdict == "confirmed");

    /// <summary>Features in the order of how far past their threshold they are.</summary>
    public IReadOnlyList<FeatureView> Ranked => Features.OrderByDescending(f => f.DriftRatio ?? -1).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
}

/// <summary>A data file within the replayed stream: where its rows start (1-based), so the timeline can mark it.</summary>
public sealed record DataSegment(string Name, long FirstRow, long Rows);

/// <summary>The profile's detection policy, as the page states and draws it.</summary>
/// <param name="DriftShare">A window drifts when at least this share of its features drift.</param>
/// <param name="ConsecutiveWindows">Drift is confirmed (alarm) after this many drifting windows in a row, and clears after as many clean ones.</param>
/// <param name="BurstRate">From this anomaly rate a drifting window's normal samples are checked alone (anomaly burst).</param>
public sealed record PolicyView(double DriftShare, int ConsecutiveWindows, double BurstRate, int OutOfProfileMinFeatures, string Combine, int CaptureRows);
