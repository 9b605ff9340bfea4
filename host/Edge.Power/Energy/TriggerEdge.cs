namespace Edge.Power.Energy;

/// <summary>An edge of the target's trigger GPIO (high while an inference runs), in trace seconds.</summary>
public readonly record struct TriggerEdge(double Seconds, bool Rising);
