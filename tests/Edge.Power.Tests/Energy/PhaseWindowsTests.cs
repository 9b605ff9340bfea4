using Edge.Power.Acquisition;
using Edge.Power.Energy;

namespace Edge.Power.Tests.Energy;

/// <summary>
/// The inference windows each timing source gives, against windows written out by hand from the
/// edges, markers or sample runs of small traces.
/// </summary>
[TestClass]
public sealed class PhaseWindowsTests
{
    private static CurrentTrace Trace(double rate, float[] amperes, IReadOnlyList<StreamEvent>? events = null) =>
        new(rate, 1.0, amperes, amperes.Length, events ?? []);

    private static StreamEvent Marker(long index, string text) => new(StreamEventKind.TriggerMarker, index, index / 1000.0, Text: text);

    [TestMethod]
    public void EdgesArePairedInTimeOrderWhateverOrderTheyCameIn()
    {
        var windows = PhaseWindows.FromEdges([new(0.5, false), new(0.3, true), new(0.1, false), new(0.7, true), new(0.9, false)]);
        // 0.1 falling has no rising edge before it; 0.3..0.5 and 0.7..0.9 are inferences.
        CollectionAssert.AreEqual(new[] { new PhaseWindow(0.3, 0.5), new PhaseWindow(0.7, 0.9) }, windows.ToArray());
    }

    [TestMethod]
    public void ARepeatedRisingEdgeRestartsTheWindowAndAFallingEdgeIsUsedOnce()
    {
        var windows = PhaseWindows.FromEdges([new(0.1, true), new(0.2, true), new(0.3, false), new(0.4, false)]);
        CollectionAssert.AreEqual(new[] { new PhaseWindow(0.2, 0.3) }, windows.ToArray());
    }

    [TestMethod]
    public void AlignmentShiftsEveryEdgeIncludingThoseBeforeTheFirstRisingOne()
    {
        var aligned = PhaseWindows.AlignToHardwareTrigger([new(2.0, false), new(2.5, true), new(2.6, false)], TimeSpan.FromMilliseconds(100));
        CollectionAssert.AreEqual(new[] { new TriggerEdge(-0.6, false), new TriggerEdge(-0.1, true), new TriggerEdge(0.0, false) },
            aligned.Select(e => e with { Seconds = Math.Round(e.Seconds, 12) }).ToArray());
        Assert.AreEqual(0, PhaseWindows.AlignToHardwareTrigger([new(1.0, false)], TimeSpan.Zero).Count, "no rising edge: the trigger never fired");
    }

    [TestMethod]
    public void MarkersWithoutFallingEdgesGiveWindowsBetweenConsecutiveMarkers()
    {
        var events = new List<StreamEvent>
        {
            Marker(10, "ris"),
            new(StreamEventKind.InfoMessage, 20, 0.020, Text: "ris"), // not a marker: ignored
            Marker(30, "ris"),
            Marker(55, "ris"),
        };
        var windows = PhaseWindows.FromMarkers(Trace(1000, new float[100], events));
        CollectionAssert.AreEqual(new[] { new PhaseWindow(0.010, 0.030), new PhaseWindow(0.030, 0.055) }, windows.ToArray());
    }

    [TestMethod]
    public void OnlyFallingMarkersAlsoCountAsConsecutiveStarts()
    {
        var windows = PhaseWindows.FromMarkers(Trace(1000, new float[100], [Marker(10, "fal"), Marker(20, "fal")]));
        CollectionAssert.AreEqual(new[] { new PhaseWindow(0.010, 0.020) }, windows.ToArray());
    }

    [TestMethod]
    public void ThresholdRunsCutByTheTraceEndsAreNotInferences()
    {
        // 1 kHz: above threshold at samples 0-1 (cut by the start), 4-6, 9-10 (cut by the end).
        float[] amperes = [5, 5, 0, 0, 5, 5, 5, 0, 0, 5, 5];
        var windows = PhaseWindows.FromThreshold(Trace(1000, amperes), 1);
        Assert.AreEqual(1, windows.Count);
        Assert.AreEqual(0.004, windows[0].Start, 1e-12);
        Assert.AreEqual(0.007, windows[0].End, 1e-12);
    }

    [TestMethod]
    public void ThresholdRunsShorterThanTheMinimumAreDropped()
    {
        // runs of 1, 2 and 3 samples at 1 kHz; a sample equal to the threshold is not above it
        float[] amperes = [0, 5, 0, 5, 5, 0, 5, 5, 5, 0, 1, 0];
        var trace = Trace(1000, amperes);
        var windows = PhaseWindows.FromThreshold(trace, 1, minSeconds: 0.002);
        Assert.AreEqual(2, windows.Count, "the 2-sample run lasts exactly the minimum and is kept");
        Assert.AreEqual(0.002, windows[0].Seconds, 1e-12);
        Assert.AreEqual(0.003, windows[1].Seconds, 1e-12);
        Assert.AreEqual(3, PhaseWindows.FromThreshold(trace, 1).Count, "without a minimum every whole run counts");
    }
}
