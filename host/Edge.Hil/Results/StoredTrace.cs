using Edge.Power.Energy;

namespace Edge.Hil.Results;

/// <summary>A trace read back from its file, with its measured inference windows.</summary>
public sealed record StoredTrace(CurrentTrace Trace, IReadOnlyList<PhaseWindow> Measured);
