using System.Numerics;
using System.Runtime.Intrinsics;
using Edge.Device.Drift;
using Edge.Device.Numerics;

namespace Edge.Drift.HostKernels;

/// <summary>
/// The board's out-of-profile check (<see cref="OutOfProfile.Check"/>) for the host, 8 columns per
/// compare: a row is out of profile when at least the policy's number of numeric columns lie
/// outside the reference's minimum..maximum, missing values not counted. The reference stops at
/// the needed count; counting every column decides the same. Columns the check skips get the
/// widest range (nothing lies outside it). Without AVX2 (or past the last 8 columns) it counts
/// column by column. A row shorter than the profile takes the reference's
/// path, so its exception is the same.
/// </summary>
public sealed class VectorOutOfProfile
{
    private readonly DriftProfile _profile;
    private readonly int _needed;
    private readonly int _columns;
    private readonly int[] _min;
    private readonly int[] _max;

    public VectorOutOfProfile(DriftProfile profile)
    {
        _profile = profile;
        _needed = profile.Policy.OutOfProfileMinFeatures;
        _columns = profile.Columns.Length;
        _min = new int[_columns];
        _max = new int[_columns];
        for (int c = 0; c < _columns; c++)
        {
            var column = profile.Columns[c];
            bool checkedColumn = column.Kind == ColumnKind.Numeric;
            _min[c] = checkedColumn ? column.RefMin : int.MinValue;
            _max[c] = checkedColumn ? column.RefMax : int.MaxValue;
        }
    }

    /// <summary>True when the row at <paramref name="offset"/> of <paramref name="row"/> is out of profile.</summary>
    public bool Check(int[] row, int offset)
    {
        if (_needed <= 0) return false;
        if (offset < 0 || row.Length - offset < _columns) return OutOfProfile.Check(_profile, row, offset);
        var values = new ReadOnlySpan<int>(row, offset, _columns);
        var missing = Vector256.Create(FixedPointInput.Missing);
        int outside = 0, c = 0;
        for (; Vector256.IsHardwareAccelerated && c + 8 <= _columns; c += 8)
        {
            var v = Vector256.Create(values.Slice(c, 8));
            var beyond = Vector256.LessThan(v, Vector256.Create(new ReadOnlySpan<int>(_min, c, 8)))
                | Vector256.GreaterThan(v, Vector256.Create(new ReadOnlySpan<int>(_max, c, 8)));
            outside += BitOperations.PopCount(Vector256.AndNot(beyond, Vector256.Equals(v, missing)).ExtractMostSignificantBits());
        }
        for (; c < _columns; c++)
        {
            int v = values[c];
            if (v != FixedPointInput.Missing && (v < _min[c] || v > _max[c])) outside++;
        }
        return outside >= _needed;
    }
}
