using System.Globalization;
using Edge.Data.Streaming;
using Edge.Device.Drift;
using Edge.Drift.HostKernels;

namespace Edge.Drift.Replay;

/// <summary>Where replay takes each row's anomaly flag from: the board's out-of-profile check, a column of the data, or nowhere.</summary>
public abstract class AnomalySource
{
    /// <summary>Row <paramref name="row"/> of the chunk, encoded at <paramref name="offset"/> of <paramref name="encoded"/>.</summary>
    public abstract bool IsAnomalous(TableChunk chunk, int row, int[] encoded, int offset);

    public abstract string Describe();

    public static AnomalySource OutOfProfile(DriftProfile profile) => new OutOfProfileSource(profile);

    public static AnomalySource None { get; } = new NoneSource();

    /// <summary>A numeric column, added to <paramref name="request"/>: anomalous at or above the threshold (a model's score, or a 0/1 flag).</summary>
    public static AnomalySource FromColumn(TableRequest request, string column, double threshold) =>
        new ColumnSource(request.Number(column), column, threshold);

    private sealed class OutOfProfileSource(DriftProfile profile) : AnomalySource
    {
        private readonly VectorOutOfProfile _check = new(profile);

        public override bool IsAnomalous(TableChunk chunk, int row, int[] encoded, int offset) => _check.Check(encoded, offset);

        public override string Describe() =>
            profile.Policy.OutOfProfileMinFeatures == 0
                ? "none (out-of-profile check disabled in the profile)"
                : $"out of profile: >= {profile.Policy.OutOfProfileMinFeatures} feature(s) outside the reference range";
    }

    private sealed class NoneSource : AnomalySource
    {
        public override bool IsAnomalous(TableChunk chunk, int row, int[] encoded, int offset) => false;

        public override string Describe() => "none";
    }

    private sealed class ColumnSource(int requestColumn, string column, double threshold) : AnomalySource
    {
        public override bool IsAnomalous(TableChunk chunk, int row, int[] encoded, int offset) => chunk.Numbers(requestColumn)[row] >= threshold;

        public override string Describe() => $"column '{column}' >= {threshold.ToString(CultureInfo.InvariantCulture)}";
    }
}
