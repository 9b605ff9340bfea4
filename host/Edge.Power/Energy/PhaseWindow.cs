namespace Edge.Power.Energy;

/// <summary>A span of trace time in seconds, e.g. one inference.</summary>
public readonly record struct PhaseWindow(double Start, double End)
{
    public double Seconds => End - Start;
}
