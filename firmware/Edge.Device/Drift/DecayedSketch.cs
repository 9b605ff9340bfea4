using Edge.Device.Runtime;

namespace Edge.Device.Drift
{
    /// <summary>
    /// An exponentially decayed histogram for continuous monitoring: each sample adds 16 (Q4
    /// counts), and every DecayBlock samples every cell loses 2^-DecayShift of itself (rounded), so
    /// the histogram remembers about DecayBlock * 2^DecayShift samples with 16-bit cells (32 bytes
    /// per column at 16 bins). Rounding keeps a cell from decaying below 1/16 of a sample only.
    /// </summary>
    public sealed class DecayedSketch
    {
        private readonly int _block;
        private readonly int _shift;
        private int _sinceDecay;

        public DecayedSketch(DriftProfile profile, WindowSketch layout)
        {
            Offsets = layout.Offsets;
            Counts = new ushort[layout.Counts.Length];
            _block = profile.Policy.DecayBlock;
            _shift = profile.Policy.DecayShift;
        }

        public readonly int[] Offsets;

        public readonly ushort[] Counts;

        [HotPath]
        public void Add(int c, int slot)
        {
            Counts[Offsets[c] + slot] += 1 << DriftProfileFormat.DecayedUnitShift;
        }

        /// <summary>The decay's shift: each decay takes (cell + 2^(shift-1)) &gt;&gt; shift from every cell.</summary>
        public int Shift { get { return _shift; } }

        /// <summary>Call once per sample, after its columns were added.</summary>
        [HotPath]
        public void EndSample()
        {
            if (CountSample()) Decay();
        }

        /// <summary>Counts one sample; true when it ends a block, and then the histogram must <see cref="Decay"/>.</summary>
        [HotPath]
        public bool CountSample()
        {
            if (++_sinceDecay < _block) return false;
            _sinceDecay = 0;
            return true;
        }

        /// <summary>Every cell loses 2^-Shift of itself, rounded.</summary>
        [HotPath]
        public void Decay()
        {
            int half = 1 << (_shift - 1);
            for (int i = 0; i < Counts.Length; i++)
            {
                int v = Counts[i];
                Counts[i] = (ushort)(v - ((v + half) >> _shift));
            }
        }

        /// <summary>Sum of column c's cells (in sixteenths of a sample).</summary>
        [HotPath]
        public long Total(int c, int slots)
        {
            long total = 0;
            int at = Offsets[c];
            for (int i = 0; i < slots; i++) total += Counts[at + i];
            return total;
        }
    }
}
