namespace Edge.Models.Import;

public enum NodeStatus
{
    /// <summary>Became board ops (see the detail).</summary>
    Ok,

    /// <summary>Computed at conversion time or merged into a neighbour: nothing of its own on the board.</summary>
    Folded,

    /// <summary>Edge cannot convert it; the detail says why and what is supported.</summary>
    Unsupported,

    /// <summary>Not checked: an input comes from a node that does not convert.</summary>
    NotChecked,
}

/// <summary>One ONNX node as `edge model inspect --onnx` lists it.</summary>
public sealed record NodeReport(int Index, string Name, string OpType, NodeStatus Status, string Detail);
