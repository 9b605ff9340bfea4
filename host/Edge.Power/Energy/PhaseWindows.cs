using Edge.Power.Acquisition;

namespace Edge.Power.Energy;

/// <summary>
/// Finds the inference windows in a trace, from whichever timing source the bench has:
/// <list type="bullet">
/// <item>edges of the target's trigger GPIO in trace time (reported by the board, or recorded
/// alongside; with `trigsrc hw` the trace starts at the first edge, see <see cref="AlignToHardwareTrigger"/>);</item>
/// <item>the monitor's own event markers (LPM01A `eventsrc` → `event NN ris` lines);</item>
/// <item>the current itself, where it rises above a threshold (no wiring needed, needs an inference
/// that draws clearly more than idle).</item>
/// </list>
/// </summary>
public static class PhaseWindows
{
    /// <summary>Each rising edge up to the next falling edge; unmatched edges are ignored.</summary>
    public static IReadOnlyList<PhaseWindow> FromEdges(IEnumerable<TriggerEdge> edges)
    {
        var windows = new List<PhaseWindow>();
        double? start = null;
        foreach (var edge in edges.OrderBy(e => e.Seconds))
        {
            if (edge.Rising) start = edge.Seconds;
            else if (start is { } s)
            {
                windows.Add(new PhaseWindow(s, edge.Seconds));
                start = null;
            }
        }
        return windows;
    }

    /// <summary>
    /// With `trigsrc hw` the monitor starts sampling at the target's first rising edge plus the
    /// trigger delay: shift target-clock edges into trace time accordingly.
    /// </summary>
    public static IReadOnlyList<TriggerEdge> AlignToHardwareTrigger(IEnumerable<TriggerEdge> targetEdges, TimeSpan triggerDelay)
    {
        var ordered = targetEdges.OrderBy(e => e.Seconds).ToList();
        int first = ordered.FindIndex(e => e.Rising);
        if (first < 0) return [];
        double origin = ordered[first].Seconds + triggerDelay.TotalSeconds;
        return ordered.Select(e => e with { Seconds = e.Seconds - origin }).ToList();
    }

    /// <summary>
    /// Windows between the monitor's event markers: `ris` to the next `fal` when both edges are
    /// reported, otherwise between consecutive markers (each marker starting an inference).
    /// </summary>
    public static IReadOnlyList<PhaseWindow> FromMarkers(CurrentTrace trace)
    {
        var markers = trace.Events.Where(e => e.Kind == StreamEventKind.TriggerMarker).ToList();
        bool bothEdges = markers.Any(m => m.Text == "ris") && markers.Any(m => m.Text == "fal");
        if (bothEdges) return FromEdges(markers.Select(m => new TriggerEdge(m.Seconds, m.Text == "ris")));
        var windows = new List<PhaseWindow>();
        for (int i = 1; i < markers.Count; i++) windows.Add(new PhaseWindow(markers[i - 1].Seconds, markers[i].Seconds));
        return windows;
    }

    /// <summary>
    /// Runs of samples above <paramref name="thresholdAmps"/> lasting at least <paramref name="minSeconds"/>,
    /// on sample boundaries (so each edge is placed to within one sample period).
    /// </summary>
    public static IReadOnlyList<PhaseWindow> FromThreshold(CurrentTrace trace, double thresholdAmps, double minSeconds = 0)
    {
        var windows = new List<PhaseWindow>();
        var amperes = trace.Amperes;
        double interval = 1 / trace.SampleRateHertz;
        int start = -1;
        for (int k = 0; k <= amperes.Length; k++)
        {
            bool above = k < amperes.Length && amperes[k] > thresholdAmps;
            if (above && start < 0) start = k;
            else if (!above && start >= 0)
            {
                var window = new PhaseWindow(start * interval, k * interval);
                // A run cut by the start or end of the trace is not a whole inference.
                if (start > 0 && k < amperes.Length && window.Seconds >= minSeconds) windows.Add(window);
                start = -1;
            }
        }
        return windows;
    }
}
