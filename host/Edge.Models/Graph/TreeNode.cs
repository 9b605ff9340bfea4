namespace Edge.Models.Graph;

/// <summary>How a split compares the feature with its threshold (ONNX-ML nodes_modes).</summary>
public enum SplitMode
{
    Leq,
    Lt,
    Gte,
    Gt,
    Eq,
    Neq,
}

/// <summary>
/// One node of a tree, numbered so that children come after their parent. A split compares
/// float32 feature and float32 threshold exactly as ONNX Runtime does.
/// </summary>
public sealed class TreeNode
{
    public bool IsLeaf { get; init; }

    public int Feature { get; init; }

    public SplitMode Mode { get; init; }

    public float Threshold { get; init; }

    /// <summary>Index (within the tree) of the node taken when the comparison holds.</summary>
    public int TrueChild { get; init; }

    public int FalseChild { get; init; }

    /// <summary>(target, value) pairs a leaf adds; scaled as the converter folds neighbours in.</summary>
    public List<(int Target, double Value)> Weights { get; } = new();

    public static bool Decide(SplitMode mode, float x, float threshold) => mode switch
    {
        SplitMode.Leq => x <= threshold,
        SplitMode.Lt => x < threshold,
        SplitMode.Gte => x >= threshold,
        SplitMode.Gt => x > threshold,
        SplitMode.Eq => x == threshold,
        _ => x != threshold,
    };
}
