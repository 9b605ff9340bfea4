using Edge.Device.Link.Messages;

namespace Edge.Board.Client;

/// <summary>What one `infer` request can carry, from its message's fields (the board's own limits, such as vector slots, come in hello).</summary>
public static class InferLimits
{
    /// <summary>Repeats per request: the request's u16.</summary>
    public const int MaxRepeats = ushort.MaxValue;

    /// <summary>Outputs one answer holds (vectors x outputs per vector).</summary>
    public const int MaxOutputs = InferReply.MaxOutputs;
}
