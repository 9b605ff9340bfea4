using Edge.Power.Samples;

namespace Edge.Hil.Rigs;

/// <summary>The power monitor of one rig position: what it is, where (serial device or tcp://; none for a simulated one), the stream format.</summary>
public sealed record RigMonitor(MonitorKind Kind, string? Port, SampleFormat Format);
