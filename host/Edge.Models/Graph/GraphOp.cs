namespace Edge.Models.Graph;

/// <summary>
/// One operation of the converted float graph: what the importer made of one or more ONNX nodes
/// after folding, with its float semantics (the reference the quantiser calibrates on).
/// </summary>
public abstract class GraphOp(string name, string sourceOps, IReadOnlyList<GraphTensor> inputs, GraphTensor output)
{
    /// <summary>The ONNX node the op came from (its name, or its position and type when unnamed).</summary>
    public string Name { get; } = name;

    /// <summary>ONNX op types folded into this op, e.g. "Gemm+Relu".</summary>
    public string SourceOps { get; set; } = sourceOps;

    public IReadOnlyList<GraphTensor> Inputs { get; } = inputs;

    public GraphTensor Output { get; set; } = output;

    /// <summary>Short kind for reports ("FullyConnected", "Conv1D", ...).</summary>
    public abstract string Kind { get; }

    /// <summary>Multiply-accumulates per inference.</summary>
    public virtual long Macs => 0;

    /// <summary>Trainable parameters (weights and biases, tree nodes).</summary>
    public virtual long Parameters => 0;

    /// <summary>Computes the output from the inputs in float (double accumulation).</summary>
    public abstract void Evaluate(IReadOnlyList<float[]> inputs, float[] output);
}
