using Edge.Device.Runtime;

namespace Edge.Device.Drift
{
    /// <summary>
    /// The drift monitor's per-sample work, its hot path: for every column the slot of the sample's
    /// value, counted in the window, the anomalous subset and the decayed histogram, then the
    /// decay at the end of each block. A missing value (<see cref="Numerics.FixedPointInput.Missing"/>)
    /// is counted per column and kept out of every histogram. This class is the managed reference;
    /// <see cref="NativeSampleUpdate"/> overrides it with the firmware's native code and keeps every
    /// count and sum identical.
    /// </summary>
    public class SampleUpdate
    {
        protected readonly DriftProfile Profile;
        protected readonly WindowSketch Window;
        protected readonly WindowSketch Anomalous;
        protected readonly DecayedSketch Decayed;

        public SampleUpdate(DriftProfile profile, WindowSketch window, WindowSketch anomalous, DecayedSketch decayed)
        {
            Profile = profile;
            Window = window;
            Anomalous = anomalous;
            Decayed = decayed;
        }

        /// <summary>
        /// The native update when <paramref name="native"/> (its first native call throws when the
        /// firmware lacks the native code: ask <see cref="NativeCode.IsAvailable"/> first), else the managed one.
        /// </summary>
        public static SampleUpdate Create(DriftProfile profile, WindowSketch window, WindowSketch anomalous, DecayedSketch decayed, bool native)
        {
            if (native) return new NativeSampleUpdate(profile, window, anomalous, decayed);
            return new SampleUpdate(profile, window, anomalous, decayed);
        }

        /// <summary>"managed" or "native".</summary>
        public virtual string Name { get { return "managed"; } }

        /// <summary>Adds one sample; counts its missing values into <paramref name="missing"/> (per column) and returns how many it had.</summary>
        [HotPath]
        public virtual int Add(int[] row, int offset, bool anomalous, int[] missing)
        {
            var columns = Profile.Columns;
            int absent = 0;
            for (int c = 0; c < columns.Length; c++)
            {
                var col = columns[c];
                int value = row[offset + c];
                if (value == Numerics.FixedPointInput.Missing)
                {
                    missing[c]++;
                    absent++;
                    continue;
                }
                int slot = SlotIndex.Of(col, value);
                Window.Add(col, c, slot, value);
                if (anomalous) Anomalous.Add(col, c, slot, value);
                Decayed.Add(c, slot);
            }
            Decayed.EndSample();
            return absent;
        }
    }
}
