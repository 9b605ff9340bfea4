using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Edge.Device.Drift;
using Edge.Device.Numerics;

namespace Edge.Drift.HostKernels;

/// <summary>
/// The drift monitor's per-sample update for the host, on vector compares: every count, tail sum,
/// decayed cell and missing count equal to the managed reference (<see cref="SampleUpdate"/>)'s
/// after every sample. A value's slot in a binned column is the number of edges below it (the
/// reference's binary search is a lower bound over non-decreasing edges, which is that count):
/// the column's edges, padded with <see cref="int.MaxValue"/> (never below a value), are compared
/// with the value 8 or 4 at a time and the lanes counted, with no data-dependent branch. The
/// profile's columns are flattened once into one plan per column (first cell, edges, outer
/// edges), so the row loop reads no <see cref="ProfileColumn"/>. A row shorter than the profile
/// takes the reference's path, so its exception (and the cells updated before it) are the same.
/// </summary>
public sealed class VectorSampleUpdate : SampleUpdate
{
    /// <summary>Lanes the edges are padded to (one <see cref="Vector256{T}"/> of int).</summary>
    private const int Pad = 8;

    private readonly ColumnPlan[] _plan;
    private readonly int[] _edges;
    private readonly SlotSearch _search;

    private VectorSampleUpdate(DriftProfile profile, WindowSketch window, WindowSketch anomalous, DecayedSketch decayed, SlotSearch search)
        : base(profile, window, anomalous, decayed)
    {
        _search = search;
        var columns = profile.Columns;
        _plan = new ColumnPlan[columns.Length];
        _edges = new int[columns.Sum(c => c.IsBinned ? Padded(c.Edges.Length) : 0)];
        Array.Fill(_edges, int.MaxValue);
        int at = 0;
        for (int c = 0; c < columns.Length; c++)
        {
            var column = columns[c];
            int cells = window.Offsets[c];
            if (!column.IsBinned)
            {
                _plan[c] = new ColumnPlan(cells, Categories: column.Slots - 1, EdgeAt: 0, Blocks: 0, LastSlot: 0, Low: 0, High: 0);
                continue;
            }
            int[] edges = column.Edges;
            edges.CopyTo(_edges, at);
            int blocks = search == SlotSearch.Vector256 ? Padded(edges.Length) / 8 : (edges.Length + 3) / 4;
            _plan[c] = new ColumnPlan(cells, Categories: -1, EdgeAt: at, Blocks: blocks, LastSlot: column.Slots - 1, Low: edges[0], High: edges[^1]);
            at += Padded(edges.Length);
        }
    }

    /// <summary>
    /// The vector update when the profile is as a profile file guarantees (a binned column has 2 or
    /// more slots, one edge fewer, non-decreasing), else the managed reference, which defines what
    /// any other profile does.
    /// </summary>
    public static SampleUpdate Create(DriftProfile profile, WindowSketch window, WindowSketch anomalous, DecayedSketch decayed, SlotSearch search) =>
        profile.Columns.All(WellFormed)
            ? new VectorSampleUpdate(profile, window, anomalous, decayed, search)
            : new SampleUpdate(profile, window, anomalous, decayed);

    /// <summary>"vector256" or "vector128".</summary>
    public override string Name => SlotSearches.Name(_search);

    public override int Add(int[] row, int offset, bool anomalous, int[] missing)
    {
        var plan = _plan;
        if (offset < 0 || row.Length - offset < plan.Length || missing.Length < plan.Length) return base.Add(row, offset, anomalous, missing);
        var values = new ReadOnlySpan<int>(row, offset, plan.Length);
        ushort[] counts = Window.Counts, decayed = Decayed.Counts;
        long[] tailLow = Window.TailLow, tailHigh = Window.TailHigh;
        ref int edges = ref MemoryMarshal.GetArrayDataReference(_edges);
        bool wide = _search == SlotSearch.Vector256;
        int absent = 0;
        for (int c = 0; c < values.Length; c++)
        {
            int value = values[c];
            ref readonly ColumnPlan p = ref plan[c];
            if (value == FixedPointInput.Missing)
            {
                missing[c]++;
                absent++;
                continue;
            }
            int slot;
            long low = 0, high = 0;
            if (p.Categories < 0)
            {
                slot = wide ? Below256(ref Unsafe.Add(ref edges, p.EdgeAt), p.Blocks, value) : Below128(ref Unsafe.Add(ref edges, p.EdgeAt), p.Blocks, value);
                // The reference's tails, without a branch on the value: what lies below the first
                // edge when in the lowest slot, above the last when in the highest.
                low = ((long)p.Low - value) & -(long)(slot == 0 ? 1 : 0);
                high = ((long)value - p.High) & -(long)(slot == p.LastSlot ? 1 : 0);
                tailLow[c] += low;
                tailHigh[c] += high;
            }
            else
            {
                slot = (uint)value < (uint)p.Categories ? value : p.Categories;
            }
            int cell = p.Cells + slot;
            counts[cell]++;
            decayed[cell] += 1 << Device.Drift.DriftProfileFormat.DecayedUnitShift;
            if (anomalous)
            {
                Anomalous.Counts[cell]++;
                Anomalous.TailLow[c] += low;
                Anomalous.TailHigh[c] += high;
            }
        }
        Decayed.EndSample();
        return absent;
    }

    private static bool WellFormed(ProfileColumn c)
    {
        if (!c.IsBinned) return c.Slots >= 1;
        if (c.Slots < 2 || c.Edges is null || c.Edges.Length != c.Slots - 1) return false;
        for (int i = 1; i < c.Edges.Length; i++)
            if (c.Edges[i] < c.Edges[i - 1]) return false;
        return true;
    }

    private static int Padded(int edges) => (edges + Pad - 1) / Pad * Pad;

    /// <summary>How many of the <paramref name="blocks"/> * 8 edges at <paramref name="edges"/> lie below <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Below256(ref int edges, int blocks, int value)
    {
        var v = Vector256.Create(value);
        int below = 0;
        for (int b = 0; b < blocks; b++)
            below += BitOperations.PopCount(Vector256.LessThan(Vector256.LoadUnsafe(ref edges, (nuint)(b * 8)), v).ExtractMostSignificantBits());
        return below;
    }

    /// <summary>How many of the <paramref name="blocks"/> * 4 edges at <paramref name="edges"/> lie below <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Below128(ref int edges, int blocks, int value)
    {
        var v = Vector128.Create(value);
        int below = 0;
        for (int b = 0; b < blocks; b++)
            below += BitOperations.PopCount(Vector128.LessThan(Vector128.LoadUnsafe(ref edges, (nuint)(b * 4)), v).ExtractMostSignificantBits());
        return below;
    }

    /// <summary>
    /// One column as the row loop needs it: its first cell; a categorical column's category count
    /// (its unseen slot), or -1 for a binned column with its padded edges at EdgeAt in vector
    /// blocks, its highest slot and its outer edges.
    /// </summary>
    private readonly record struct ColumnPlan(int Cells, int Categories, int EdgeAt, int Blocks, int LastSlot, int Low, int High);
}
