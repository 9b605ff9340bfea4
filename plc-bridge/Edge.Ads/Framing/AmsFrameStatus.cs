namespace Edge.Ads.Framing;

/// <summary>What <see cref="AmsFrameReader.ReadAsync"/> found.</summary>
public enum AmsFrameStatus
{
    /// <summary>A whole frame.</summary>
    Frame,

    /// <summary>The peer closed the stream between frames.</summary>
    EndOfStream,

    /// <summary>The peer closed the stream inside a frame.</summary>
    Truncated,

    /// <summary>The AMS/TCP length announces a frame above the limit; the stream cannot be trusted any more.</summary>
    Oversized,
}
