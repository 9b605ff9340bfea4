using System;
using Edge.Device.Runtime;

namespace Edge.Device.Drift
{
    /// <summary>
    /// Histogram counts of one tumbling window for every column (16-bit cells, so a window holds
    /// at most 65535 samples), plus, for binned columns, the summed distance of end-bin samples
    /// beyond the outer edges: that lets the Wasserstein estimate place the tails where the
    /// samples really are. Per binned column at 16 bins: 32 + 16 = 48 bytes.
    /// </summary>
    public sealed class WindowSketch
    {
        public WindowSketch(DriftProfile profile)
        {
            var columns = profile.Columns;
            Offsets = new int[columns.Length];
            int total = 0;
            for (int c = 0; c < columns.Length; c++)
            {
                Offsets[c] = total;
                total += columns[c].Slots;
            }
            Counts = new ushort[total];
            TailLow = new long[columns.Length];
            TailHigh = new long[columns.Length];
        }

        /// <summary>Column c's slots start at Counts[Offsets[c]].</summary>
        public readonly int[] Offsets;

        public readonly ushort[] Counts;

        /// <summary>Sum of (Edges[0] - x) over the samples in column c's lowest bin.</summary>
        public readonly long[] TailLow;

        /// <summary>Sum of (x - last edge) over the samples in column c's highest bin.</summary>
        public readonly long[] TailHigh;

        /// <summary>Samples added since the last <see cref="Clear"/>.</summary>
        public int Samples;

        [HotPath]
        public void Add(ProfileColumn column, int c, int slot, int value)
        {
            Counts[Offsets[c] + slot]++;
            if (!column.IsBinned) return;
            if (slot == 0) TailLow[c] += (long)column.Edges[0] - value;
            else if (slot == column.Slots - 1) TailHigh[c] += (long)value - column.Edges[column.Edges.Length - 1];
        }

        /// <summary>Sets this sketch to a - b (the non-anomalous part of a window).</summary>
        [HotPath]
        public void SetDifference(WindowSketch a, WindowSketch b)
        {
            for (int i = 0; i < Counts.Length; i++) Counts[i] = (ushort)(a.Counts[i] - b.Counts[i]);
            for (int i = 0; i < TailLow.Length; i++)
            {
                TailLow[i] = a.TailLow[i] - b.TailLow[i];
                TailHigh[i] = a.TailHigh[i] - b.TailHigh[i];
            }
            Samples = a.Samples - b.Samples;
        }

        [HotPath]
        public void Clear()
        {
            Array.Clear(Counts, 0, Counts.Length);
            Array.Clear(TailLow, 0, TailLow.Length);
            Array.Clear(TailHigh, 0, TailHigh.Length);
            Samples = 0;
        }
    }
}
