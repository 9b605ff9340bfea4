using Edge.Device.Board;

namespace Edge.Device.Tests.Board;

/// <summary>
/// The board's clock and trigger pin for a test: time stands still except while the pin is high,
/// and each high period lasts the next of the scripted durations. Records every edge, and fails a
/// pin driven low while low or high while high.
/// </summary>
public sealed class ScriptedInferenceTime(long startMicros, params long[] durations) : IClock, ITriggerPin
{
    private int _next;

    public long Microseconds { get; private set; } = startMicros;

    public bool IsHigh { get; private set; }

    public int Pulses { get; private set; }

    public void High()
    {
        if (IsHigh) throw new InvalidOperationException("pin raised twice");
        IsHigh = true;
    }

    public void Low()
    {
        if (!IsHigh) throw new InvalidOperationException("pin lowered while low");
        IsHigh = false;
        Microseconds += durations[_next++ % durations.Length];
        Pulses++;
    }
}
