namespace Edge.Power.Acquisition;

/// <summary>
/// Something the monitor reported in its sample stream, placed in time by the number of samples
/// that came before it (<see cref="SampleIndex"/>; <see cref="Seconds"/> is that index over the rate).
/// What <see cref="Value"/>, <see cref="Detail"/> and <see cref="Flag"/> mean depends on <see cref="Kind"/>.
/// </summary>
public readonly record struct StreamEvent(
    StreamEventKind Kind,
    long SampleIndex,
    double Seconds,
    long Value = 0,
    int Detail = 0,
    bool Flag = false,
    string? Text = null)
{
    public override string ToString() => Kind switch
    {
        StreamEventKind.DeviceTimestamp => $"{Seconds:0.######} s: device time {Value} ms, buffer {Detail} %{(Flag ? ", OVERFLOW" : "")}",
        StreamEventKind.Voltage => $"{Seconds:0.######} s: supply {Value} mV",
        StreamEventKind.TriggerMarker => $"{Seconds:0.######} s: trigger event {Value} {Text}",
        StreamEventKind.UnknownMetadata => $"{Seconds:0.######} s: metadata 0x{Detail:X2} payload 0x{Value:X}",
        StreamEventKind.Corrupt => $"{Seconds:0.######} s: skipped {Value} corrupt byte(s): {Text}",
        _ => Text is null ? $"{Seconds:0.######} s: {Kind}" : $"{Seconds:0.######} s: {Kind}: {Text}",
    };
}
