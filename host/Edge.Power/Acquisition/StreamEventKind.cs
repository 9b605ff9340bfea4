namespace Edge.Power.Acquisition;

/// <summary>What the monitor reported besides samples (binary metadata frames, ASCII status lines).</summary>
public enum StreamEventKind
{
    /// <summary>Device time (F3 frame / `TimeStamp:` line): <see cref="StreamEvent.Value"/> milliseconds, <see cref="StreamEvent.Detail"/> buffer fill %, <see cref="StreamEvent.Flag"/> the overflow bit.</summary>
    DeviceTimestamp,

    /// <summary>The acquisition ended (F4 frame, `end` or `Acquisition completed` line).</summary>
    EndOfAcquisition,

    /// <summary>The target drew more than the monitor can measure (F5 frame); the monitor may cut the supply.</summary>
    Overcurrent,

    /// <summary>The monitor switched the target's supply off (F6 frame).</summary>
    TargetPowerDown,

    /// <summary>Supply voltage report (F7 frame): <see cref="StreamEvent.Value"/> millivolts.</summary>
    Voltage,

    /// <summary>Error text from the monitor (F1 frame).</summary>
    ErrorMessage,

    /// <summary>Information text from the monitor (F2 frame).</summary>
    InfoMessage,

    /// <summary>A target GPIO edge on the event input (LPM01A `event NN ris`): <see cref="StreamEvent.Value"/> the device's counter.</summary>
    TriggerMarker,

    /// <summary>A metadata frame whose meaning is not documented (V3PWR F8..FB): <see cref="StreamEvent.Detail"/> the type byte, <see cref="StreamEvent.Value"/> the payload.</summary>
    UnknownMetadata,

    /// <summary>A command reply or other text line inside the ASCII stream (`ack stop`, `error ...`).</summary>
    ControlLine,

    /// <summary>Bytes that were not a sample, frame or known line were skipped: <see cref="StreamEvent.Value"/> how many, <see cref="StreamEvent.Text"/> why.</summary>
    Corrupt,
}
