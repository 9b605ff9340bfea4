namespace Edge.Power.Session;

/// <summary>How an acquisition came to an end.</summary>
public enum AcquisitionEnd
{
    /// <summary>The monitor sent its end-of-acquisition marker (acquisition time elapsed, or after `stop`).</summary>
    EndMarker,

    /// <summary>`stop` was sent and the stream fell silent without an end marker.</summary>
    SilenceAfterStop,
}
