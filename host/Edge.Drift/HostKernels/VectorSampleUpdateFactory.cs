using Edge.Device.Drift;

namespace Edge.Drift.HostKernels;

/// <summary>Gives a <see cref="DriftMonitor"/> the <see cref="VectorSampleUpdate"/> at one width.</summary>
public sealed class VectorSampleUpdateFactory(SlotSearch search) : SampleUpdateFactory
{
    public SlotSearch Search => search;

    /// <summary>
    /// The factory at <see cref="SlotSearches.Best"/>; null where no vector width is accelerated,
    /// and a monitor given null takes its default, the managed update.
    /// </summary>
    public static SampleUpdateFactory? Fastest { get; } = SlotSearches.Best is { } best ? new VectorSampleUpdateFactory(best) : null;

    public override SampleUpdate Create(DriftProfile profile, WindowSketch window, WindowSketch anomalous, DecayedSketch decayed) =>
        VectorSampleUpdate.Create(profile, window, anomalous, decayed, search);
}
