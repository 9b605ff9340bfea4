using Edge.Power.Samples;

namespace Edge.Hil.Rigs;

/// <summary>
/// The power monitor of one rig position: what it is, where (serial device or tcp://; none for a
/// simulated one), the stream format, and the name boards give it when they share it
/// (<see cref="Name"/>; a real monitor is also known by its port).
/// </summary>
public sealed record RigMonitor(MonitorKind Kind, string? Port, SampleFormat Format, string? Name = null);
