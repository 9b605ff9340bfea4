namespace Edge.Power.Protocol;

/// <summary>Where the assembly of one command's reply stands.</summary>
internal enum ReplyStatus
{
    /// <summary>Nothing that answers the command yet.</summary>
    Waiting,

    /// <summary>Ack or error seen; the rest of the block (detail, blank line) may still come.</summary>
    Answered,

    /// <summary>The reply is whole.</summary>
    Complete,
}
