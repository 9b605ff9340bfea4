using Edge.Device.Drift;
using Edge.Device.Numerics;

namespace Edge.Drift.Tests.HostKernels;

/// <summary>
/// Random drift profiles and rows aimed at the per-sample code's corners: 2..64 bins with repeated
/// edges and edges at the int32 extremes, categorical and prediction columns, column counts off the
/// vector width; rows of missing values, values on and next to every edge, category indices in
/// and out of range, and the saturated extremes a fixed-point conversion can give.
/// </summary>
internal sealed class RandomProfiles(int seed)
{
    private readonly Random _random = new(seed);

    public DriftProfile Profile(int columns)
    {
        var policy = new DriftPolicySettings
        {
            WindowSize = 100,
            DecayBlock = 1 + _random.Next(8),
            DecayShift = 1 + _random.Next(12),
            OutOfProfileMinFeatures = _random.Next(4),
            CaptureRows = 4,
            ConsecutiveWindows = 3,
            DriftShareQ16 = 32768,
        };
        var all = new ProfileColumn[columns];
        for (int c = 0; c < columns; c++)
        {
            byte kind = (byte)_random.Next(4);
            all[c] = ColumnKind.IsBinned(kind) ? Binned(c, kind) : Categorical(c, kind);
        }
        return new DriftProfile(1000, policy, all);
    }

    /// <summary>A row for the profile: each value one of the cases above, chosen at random.</summary>
    public int[] Row(DriftProfile profile)
    {
        var row = new int[profile.Columns.Length];
        for (int c = 0; c < row.Length; c++) row[c] = Value(profile.Columns[c]);
        return row;
    }

    public bool Coin(double p) => _random.NextDouble() < p;

    private int Value(ProfileColumn column)
    {
        int pick = _random.Next(10);
        if (pick == 0) return FixedPointInput.Missing;
        if (pick == 1) return Extreme();
        if (!column.IsBinned)
        {
            return pick switch
            {
                2 => column.Slots - 1 + _random.Next(3),          // the unseen index and past it
                3 => -1 - _random.Next(3),                         // below every category
                _ => _random.Next(Math.Max(1, column.Slots - 1)),  // a category
            };
        }
        int edge = column.Edges[_random.Next(column.Edges.Length)];
        return pick switch
        {
            2 => edge,
            3 => edge == int.MaxValue ? edge : edge + 1,
            4 => edge <= -int.MaxValue ? edge == int.MinValue ? -int.MaxValue : edge : edge - 1,
            5 => _random.Next(int.MinValue + 1, int.MaxValue),
            _ => edge + _random.Next(-1000, 1000) is var v && v != FixedPointInput.Missing ? v : edge,
        };
    }

    private int Extreme() => _random.Next(4) switch
    {
        0 => int.MaxValue,
        1 => -int.MaxValue,
        2 => int.MinValue + 2,
        _ => int.MaxValue - 1,
    };

    private ProfileColumn Binned(int c, byte kind)
    {
        int bins = 2 + _random.Next(63);
        var edges = new int[bins - 1];
        int spread = _random.Next(3) switch { 0 => 10, 1 => 100_000, _ => int.MaxValue };
        for (int i = 0; i < edges.Length; i++)
        {
            edges[i] = _random.Next(8) switch
            {
                0 => int.MinValue,
                1 => int.MaxValue,
                2 when i > 0 => edges[i - 1],   // a repeated edge: an empty bin
                _ => _random.Next(-spread, spread),
            };
        }
        Array.Sort(edges);
        return Prepared(new ProfileColumn
        {
            Name = "b" + c,
            Kind = kind,
            Slots = bins,
            Edges = edges,
            RefCounts = Counts(bins),
            RefMin = edges[0] - _random.Next(100),
            RefMax = (int)Math.Min(int.MaxValue, (long)edges[^1] + _random.Next(100)),
        });
    }

    private ProfileColumn Categorical(int c, byte kind)
    {
        int categories = 1 + _random.Next(9);
        return Prepared(new ProfileColumn
        {
            Name = "k" + c,
            Kind = kind,
            Slots = categories + 1,
            Categories = Enumerable.Range(0, categories).Select(i => "c" + i).ToArray(),
            RefCounts = Counts(categories + 1),
            RefMin = -_random.Next(10),
            RefMax = _random.Next(10),
        });
    }

    private int[] Counts(int slots)
    {
        var counts = new int[slots];
        for (int i = 0; i < 1000; i++) counts[_random.Next(slots)]++;
        return counts;
    }

    private static ProfileColumn Prepared(ProfileColumn column)
    {
        column.Prepare(1000);
        return column;
    }
}
