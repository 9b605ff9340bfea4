using Edge.Device.Native;
using Edge.Device.Runtime;

namespace Edge.Device.Drift
{
    /// <summary>
    /// The per-sample update in the firmware's native code (edge_drift_observe and
    /// edge_drift_decay): the same sketches, the same counts and tail sums. The profile's columns are
    /// flattened once, here, into the layout the native code reads (edge_native.h): per column its
    /// first cell, its slots and its first edge (-1 for a categorical column), and every binned
    /// column's edges in one array.
    /// </summary>
    public sealed class NativeSampleUpdate : SampleUpdate
    {
        private const int Header = 3;
        private const int PerColumn = 3;

        private readonly int[] _layout;
        private readonly int[] _edges;

        public NativeSampleUpdate(DriftProfile profile, WindowSketch window, WindowSketch anomalous, DecayedSketch decayed)
            : base(profile, window, anomalous, decayed)
        {
            ProfileColumn[] columns = profile.Columns;
            int edgeCount = 0;
            for (int c = 0; c < columns.Length; c++)
            {
                if (!columns[c].IsBinned) continue;
                // The native search takes slots - 1 edges, as the profile format has them.
                if (columns[c].Edges.Length != columns[c].Slots - 1)
                    throw new System.ArgumentException("column '" + columns[c].Name + "' has " + columns[c].Edges.Length.ToString() + " edges for " + columns[c].Slots.ToString() + " slots");
                edgeCount += columns[c].Edges.Length;
            }
            _layout = new int[Header + PerColumn * columns.Length];
            _edges = new int[edgeCount];
            _layout[0] = columns.Length;
            _layout[1] = window.Counts.Length;
            _layout[2] = edgeCount;
            int at = 0;
            for (int c = 0; c < columns.Length; c++)
            {
                int entry = Header + PerColumn * c;
                _layout[entry] = window.Offsets[c];
                _layout[entry + 1] = columns[c].Slots;
                if (!columns[c].IsBinned)
                {
                    _layout[entry + 2] = -1;
                    continue;
                }
                _layout[entry + 2] = at;
                System.Array.Copy(columns[c].Edges, 0, _edges, at, columns[c].Edges.Length);
                at += columns[c].Edges.Length;
            }
            NativeKernels.DriftLayoutCheck(_layout, window.Counts.Length, _edges.Length);
        }

        public override string Name { get { return "native"; } }

        /// <summary>The flattened profile the native code reads: header, then first cell, slots and first edge per column.</summary>
        public int[] Layout { get { return _layout; } }

        /// <summary>Every binned column's edges, in column order.</summary>
        public int[] Edges { get { return _edges; } }

        [HotPath]
        public override int Add(int[] row, int offset, bool anomalous, int[] missing)
        {
            // The native update has no missing-value rule yet: a row with a missing value takes
            // the managed path, which counts it and keeps it out of the histograms.
            int columns = Profile.Columns.Length;
            for (int c = 0; c < columns; c++)
            {
                if (row[offset + c] == Numerics.FixedPointInput.Missing) return base.Add(row, offset, anomalous, missing);
            }
            NativeKernels.DriftObserve(_layout, _edges, row, offset, Window.Counts, Window.TailLow, Window.TailHigh, anomalous,
                Anomalous.Counts, Anomalous.TailLow, Anomalous.TailHigh, Decayed.Counts);
            if (Decayed.CountSample()) NativeKernels.DriftDecay(Decayed.Counts, Decayed.Shift);
            return 0;
        }
    }
}
