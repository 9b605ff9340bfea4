using Edge.Power.Energy;

namespace Edge.Power.Simulation;

/// <summary>
/// What a simulated target draws over time: the cost model a simulated board implements (idle
/// current, current while an inference runs, its duration) and the edges of its trigger GPIO.
/// Time is seconds since the target's clock started; the simulator asks in increasing order.
/// </summary>
public interface ICurrentProfile
{
    /// <summary>Instantaneous current in amperes at <paramref name="seconds"/>.</summary>
    double CurrentAt(double seconds);

    /// <summary>
    /// Mean current over [<paramref name="from"/>, <paramref name="to"/>): what one sample of a monitor
    /// that integrates over its sampling period reports. Profiles with sharp edges should compute it
    /// exactly; the default takes the midpoint.
    /// </summary>
    double MeanCurrent(double from, double to) => CurrentAt((from + to) / 2);

    /// <summary>The trigger GPIO's edges in [<paramref name="from"/>, <paramref name="to"/>), in order.</summary>
    IEnumerable<TriggerEdge> EdgesBetween(double from, double to);
}
