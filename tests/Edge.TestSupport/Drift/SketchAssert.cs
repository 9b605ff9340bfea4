using Edge.Device.Drift;

namespace Edge.TestSupport.Drift;

/// <summary>Two sets of a monitor's sketches (window, anomalous window, decayed) equal cell by cell: every count and tail.</summary>
public static class SketchAssert
{
    public static void AreEqual(WindowSketch expectedWindow, WindowSketch expectedAnomalous, DecayedSketch expectedDecayed,
        WindowSketch window, WindowSketch anomalous, DecayedSketch decayed, string when)
    {
        CollectionAssert.AreEqual(expectedWindow.Counts, window.Counts, $"window counts {when}");
        CollectionAssert.AreEqual(expectedWindow.TailLow, window.TailLow, $"window low tails {when}");
        CollectionAssert.AreEqual(expectedWindow.TailHigh, window.TailHigh, $"window high tails {when}");
        CollectionAssert.AreEqual(expectedAnomalous.Counts, anomalous.Counts, $"anomalous counts {when}");
        CollectionAssert.AreEqual(expectedAnomalous.TailLow, anomalous.TailLow, $"anomalous low tails {when}");
        CollectionAssert.AreEqual(expectedAnomalous.TailHigh, anomalous.TailHigh, $"anomalous high tails {when}");
        CollectionAssert.AreEqual(expectedDecayed.Counts, decayed.Counts, $"decayed counts {when}");
    }
}
