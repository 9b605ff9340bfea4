namespace Edge.Drift.Report;

/// <summary>One window on the timeline: its rows (1-based, inclusive), counts, share of features drifted and the policy's judgement.</summary>
/// <param name="Capture">The retraining capture's state after the window (idle, armed, frozen); null when the source does not report it.</param>
public sealed record WindowPoint(int Index, long FirstRow, long LastRow, int Samples, int Anomalies, int DriftedFeatures, double DriftShare,
    bool Drifting, string Verdict, bool Alarm, string? Capture)
{
    public double AnomalyRate => Samples == 0 ? 0 : (double)Anomalies / Samples;
}
