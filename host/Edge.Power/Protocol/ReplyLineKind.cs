namespace Edge.Power.Protocol;

/// <summary>What one line received in command mode is.</summary>
internal enum ReplyLineKind
{
    /// <summary>Empty: ends a V3PWR reply block.</summary>
    Blank,

    /// <summary>`ack &lt;command&gt; [values]`.</summary>
    Ack,

    /// <summary>`error &lt;command&gt;` (some tools print `err`).</summary>
    Error,

    /// <summary>`Error detail: &lt;text&gt;` after an error line.</summary>
    ErrorDetail,

    /// <summary>`Command unknown`: the monitor could not read the line (often banner residue before the first command).</summary>
    Unreadable,

    /// <summary>Anything else: banners, stale samples, `Acquisition completed`.</summary>
    Other,
}
