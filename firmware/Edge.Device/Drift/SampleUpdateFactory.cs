namespace Edge.Device.Drift
{
    /// <summary>
    /// Makes the per-sample update a <see cref="DriftMonitor"/> runs over its own sketches. The board
    /// passes none and gets <see cref="SampleUpdate.Create"/> (native when the firmware has the
    /// native code); host replay passes its vector update (host/Edge.Drift/HostKernels), which
    /// keeps every count and sum the managed update's.
    /// </summary>
    public abstract class SampleUpdateFactory
    {
        public abstract SampleUpdate Create(DriftProfile profile, WindowSketch window, WindowSketch anomalous, DecayedSketch decayed);
    }
}
