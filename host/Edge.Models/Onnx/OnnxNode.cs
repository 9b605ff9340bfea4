using System.Text;
using Edge.Models.Import;
using Edge.Models.Onnx.Proto;
using Tensor = Edge.Models.Onnx.Proto.Tensor;

namespace Edge.Models.Onnx;

/// <summary>An ONNX node with a name fit for messages and typed attribute access.</summary>
internal sealed class OnnxNode(Node node, int index)
{
    public Node Proto { get; } = node;

    public string OpType => Proto.OpType;

    public string Domain => Proto.Domain ?? "";

    /// <summary>The node's name, or "#index (OpType -> first output)" when the exporter left it empty.</summary>
    public string Name => string.IsNullOrEmpty(Proto.Name) ? $"#{index} ({OpType} -> {Proto.Output.FirstOrDefault()})" : Proto.Name;

    public string Describe => $"{OpType} '{Name}'";

    public IReadOnlyList<string> Inputs => Proto.Input;

    public IReadOnlyList<string> Outputs => Proto.Output;

    public ModelImportException Fail(string problem) => new($"node {Describe}: {problem}");

    private Proto.Attribute? Find(string name) => Proto.Attribute.FirstOrDefault(a => a.Name == name);

    public bool Has(string name) => Find(name) is not null;

    public long Int(string name, long fallback) => Find(name) is { } a ? a.I : fallback;

    public float Float(string name, float fallback) => Find(name) is { } a ? a.F : fallback;

    public string String(string name, string fallback) => Find(name) is { } a ? Encoding.UTF8.GetString(a.S.Span) : fallback;

    public long[] Ints(string name) => Find(name)?.Ints.ToArray() ?? [];

    public float[] Floats(string name) => Find(name)?.Floats.ToArray() ?? [];

    public string[] Strings(string name) => Find(name)?.Strings.Select(s => Encoding.UTF8.GetString(s.Span)).ToArray() ?? [];

    public Tensor? TensorAttribute(string name) => Find(name)?.T;

    /// <summary>Fails unless the attribute is absent or has the value edge supports.</summary>
    public void Require(string name, long supported, string why)
    {
        if (Find(name) is { } a && a.I != supported) throw Fail($"{name}={a.I} is not supported ({why})");
    }
}
