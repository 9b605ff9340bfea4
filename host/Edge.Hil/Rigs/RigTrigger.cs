using Edge.Power.Backends;

namespace Edge.Hil.Rigs;

/// <summary>
/// How a cell finds each inference in the trace. A simulated board's trigger edges are known
/// exactly from its timeline. On a real bench the board's trigger GPIO goes to the monitor's
/// trigger input (<see cref="Source"/> hardware: sampling starts at the first rising edge) and
/// the inference windows are where the current exceeds <see cref="ThresholdMilliamps"/>, checked
/// against the count and duration the board reports.
/// </summary>
public sealed record RigTrigger(TriggerSource Source, double? ThresholdMilliamps);
