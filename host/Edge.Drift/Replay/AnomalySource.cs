using System.Globalization;
using Edge.Data;
using Edge.Device.Drift;

namespace Edge.Drift.Replay;

/// <summary>Where replay takes each row's anomaly flag from: the board's out-of-profile check, a column of the data, or nowhere.</summary>
public abstract class AnomalySource
{
    public abstract bool IsAnomalous(int row, int[] encodedRow);

    public abstract string Describe();

    public static AnomalySource OutOfProfile(DriftProfile profile) => new OutOfProfileSource(profile);

    public static AnomalySource None { get; } = new NoneSource();

    /// <summary>A numeric column: anomalous at or above the threshold (a model's score, or a 0/1 flag).</summary>
    public static AnomalySource FromColumn(Table table, string column, double threshold) =>
        new ColumnSource(table.Numbers(column), column, threshold);

    private sealed class OutOfProfileSource(DriftProfile profile) : AnomalySource
    {
        public override bool IsAnomalous(int row, int[] encodedRow) => Device.Drift.OutOfProfile.Check(profile, encodedRow, 0);

        public override string Describe() =>
            profile.Policy.OutOfProfileMinFeatures == 0
                ? "none (out-of-profile check disabled in the profile)"
                : $"out of profile: >= {profile.Policy.OutOfProfileMinFeatures} feature(s) outside the reference range";
    }

    private sealed class NoneSource : AnomalySource
    {
        public override bool IsAnomalous(int row, int[] encodedRow) => false;

        public override string Describe() => "none";
    }

    private sealed class ColumnSource(double[] values, string column, double threshold) : AnomalySource
    {
        public override bool IsAnomalous(int row, int[] encodedRow) => values[row] >= threshold;

        public override string Describe() => $"column '{column}' >= {threshold.ToString(CultureInfo.InvariantCulture)}";
    }
}
