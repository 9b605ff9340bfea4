namespace Edge.Models.Format;

/// <summary>One tensor entry of an .edgem file.</summary>
public sealed record TensorEntry(string Name, int Type, int[] Shape, float Scale, int ZeroPoint)
{
    public int ArenaOffset { get; set; }

    public int ElementCount => Shape.Aggregate(1, (a, b) => a * b);
}

/// <summary>One graph input: its tensor and the per-channel coefficients of its quantiser (none for float keys).</summary>
public sealed record InputEntry(int Tensor, int Channels, int InnerSize, float[] A, float[] B);

/// <summary>One operation: code, source node name, tensor indices and kernel parameters.</summary>
public sealed record OpEntry(int Code, string Name, int[] Inputs, int[] Outputs, int[] Parameters);

/// <summary>
/// Everything an .edgem file holds, before it is laid out as bytes (<see cref="EdgeModelWriter"/>).
/// Constant data grows through <see cref="AddWeights"/> and <see cref="AddInts"/>, which return
/// the offsets the kernels' parameters refer to.
/// </summary>
public sealed class ModelImage
{
    public List<(string Key, string Value)> Metadata { get; } = new();

    public List<TensorEntry> Tensors { get; } = new();

    public List<InputEntry> Inputs { get; } = new();

    public List<int> Outputs { get; } = new();

    public List<OpEntry> Ops { get; } = new();

    public List<sbyte> Weights { get; } = new();

    public List<int> Ints { get; } = new();

    public int Arena8Length { get; set; }

    public int Arena32Length { get; set; }

    public byte[] DriftProfile { get; set; } = [];

    public int ArenaBytes => Arena8Length + 4 * Arena32Length;

    public int AddWeights(IEnumerable<sbyte> values)
    {
        int at = Weights.Count;
        Weights.AddRange(values);
        return at;
    }

    public int AddInts(IEnumerable<int> values)
    {
        int at = Ints.Count;
        Ints.AddRange(values);
        return at;
    }
}
