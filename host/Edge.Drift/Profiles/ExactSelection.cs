namespace Edge.Drift.Profiles;

/// <summary>
/// Exact order statistics of a column too long to hold, in passes over it with bounded memory.
/// Each pass narrows every wanted rank to a range of values: a range with few enough values is
/// collected and sorted (exact), a larger one is counted into a histogram of
/// <see cref="Buckets"/> buckets and the rank's bucket becomes the next range. Ranges are over the
/// values' order-preserving 64-bit keys, so each histogram pass divides a range by 1024 whatever
/// the distribution (at most 7 passes; data of a few hundred thousand rows is collected at once).
/// The result equals sorting the whole column.
/// </summary>
public sealed class ExactSelection
{
    public const int Buckets = 1024;

    private readonly List<Range> _ranges = [];
    private readonly Dictionary<long, double> _found = [];
    private readonly long _collectLimit;
    private Range[] _active = [];

    /// <param name="count">Values in the column.</param>
    /// <param name="ranks">0-based ranks wanted.</param>
    /// <param name="min">The smallest value.</param>
    /// <param name="max">The largest value.</param>
    /// <param name="collectLimit">The most values this column may hold in one pass.</param>
    public ExactSelection(long count, IReadOnlyList<long> ranks, double min, double max, long collectLimit)
    {
        _collectLimit = Math.Max(collectLimit, Buckets);
        _ranges.Add(new Range(Key(min), Key(max), 0, count, ranks.ToList()));
        Prepare();
    }

    /// <summary>True once every wanted rank has its value.</summary>
    public bool Done => _ranges.Count == 0;

    /// <summary>The value at a wanted rank, once <see cref="Done"/>.</summary>
    public double this[long rank] => _found[rank];

    /// <summary>Sees one value of the current pass (values in the same order every pass).</summary>
    public void Add(double value)
    {
        ulong key = Key(value);
        var active = _active;
        for (int i = 0; i < active.Length; i++)
        {
            var range = active[i];
            if (key < range.Low || key > range.High) continue;
            if (range.Values is { } values) values.Add(value);
            else range.Counts![(key - range.Low) / range.Width]++;
            return;
        }
    }

    /// <summary>Ends a pass: resolves what it can and sets up the next.</summary>
    public void EndPass()
    {
        var next = new List<Range>();
        foreach (var range in _ranges)
        {
            if (range.Values is { } values)
            {
                values.Sort();
                foreach (long rank in range.Ranks) _found[rank] = values[(int)(rank - range.Below)];
                continue;
            }
            long below = range.Below;
            var counts = range.Counts!;
            int bucket = 0;
            var byBucket = new Dictionary<int, Range>();
            foreach (long rank in range.Ranks) // ascending
            {
                while (below + counts[bucket] <= rank) below += counts[bucket++];
                if (!byBucket.TryGetValue(bucket, out var child))
                {
                    ulong low = range.Low + (ulong)bucket * range.Width;
                    ulong high = Math.Min(range.High, low + (range.Width - 1));
                    byBucket[bucket] = child = new Range(low, high, below, counts[bucket], []);
                    next.Add(child);
                }
                child.Ranks.Add(rank);
            }
        }
        _ranges.Clear();
        foreach (var range in next)
        {
            // A range of one key is one value: every rank in it is that value.
            if (range.Low == range.High) foreach (long rank in range.Ranks) _found[rank] = Value(range.Low);
            else _ranges.Add(range);
        }
        Prepare();
    }

    private void Prepare()
    {
        long share = _ranges.Count == 0 ? 0 : _collectLimit / _ranges.Count;
        foreach (var range in _ranges)
        {
            if (range.Count <= share) range.Values = new List<double>((int)range.Count);
            else
            {
                ulong span = range.High - range.Low;
                range.Width = span / Buckets + 1;
                range.Counts = new long[Buckets];
            }
        }
        _active = _ranges.ToArray();
    }

    /// <summary>An order-preserving key: keys compare as the doubles do (-0 just below +0).</summary>
    private static ulong Key(double value)
    {
        ulong bits = (ulong)BitConverter.DoubleToInt64Bits(value);
        return (bits & 0x8000_0000_0000_0000UL) == 0 ? bits | 0x8000_0000_0000_0000UL : ~bits;
    }

    private static double Value(ulong key) =>
        BitConverter.Int64BitsToDouble((long)((key & 0x8000_0000_0000_0000UL) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFFUL : ~key));

    private sealed class Range(ulong low, ulong high, long below, long count, List<long> ranks)
    {
        public ulong Low { get; } = low;

        public ulong High { get; } = high;

        /// <summary>Values of the column below this range.</summary>
        public long Below { get; } = below;

        public long Count { get; } = count;

        public List<long> Ranks { get; } = ranks;

        public List<double>? Values { get; set; }

        public long[]? Counts { get; set; }

        public ulong Width { get; set; }
    }
}
