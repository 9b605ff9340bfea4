using System.Text;
using Edge.Models.Onnx.Proto;
using Google.Protobuf;
using Attribute = Edge.Models.Onnx.Proto.Attribute;

namespace Edge.Models.Tests.Support;

/// <summary>Writes small ONNX models for tests, with the same schema the converter reads; ONNX Runtime runs them as the reference.</summary>
internal sealed class OnnxModelBuilder
{
    private readonly Model _model = new() { IrVersion = 8, ProducerName = "edge-tests", Graph = new Onnx.Proto.Graph { Name = "test" } };

    public OnnxModelBuilder(int opset = 13, bool ml = false)
    {
        _model.OpsetImport.Add(new OperatorSetId { Domain = "", Version = opset });
        if (ml) _model.OpsetImport.Add(new OperatorSetId { Domain = "ai.onnx.ml", Version = 3 });
    }

    public Model Model => _model;

    /// <summary>A float input whose first dimension is the symbolic batch.</summary>
    public OnnxModelBuilder Input(string name, params long[] dims)
    {
        _model.Graph.Input.Add(Value(name, dims));
        return this;
    }

    public OnnxModelBuilder Output(string name, params long[] dims)
    {
        _model.Graph.Output.Add(Value(name, dims));
        return this;
    }

    /// <summary>An output of another element type (ONNX TensorProto data type, e.g. 7 for int64).</summary>
    public OnnxModelBuilder TypedOutput(string name, int elementType, params long[] dims)
    {
        var value = Value(name, dims);
        value.Type.TensorType.ElemType = elementType;
        _model.Graph.Output.Add(value);
        return this;
    }

    public OnnxModelBuilder Initializer(string name, long[] dims, IEnumerable<float> values)
    {
        var tensor = new Tensor { Name = name, DataType = (int)Tensor.Types.ElementType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        _model.Graph.Initializer.Add(tensor);
        return this;
    }

    public OnnxModelBuilder Int64Initializer(string name, long[] dims, IEnumerable<long> values)
    {
        var tensor = new Tensor { Name = name, DataType = (int)Tensor.Types.ElementType.Int64 };
        tensor.Dims.AddRange(dims);
        tensor.Int64Data.AddRange(values);
        _model.Graph.Initializer.Add(tensor);
        return this;
    }

    /// <summary>An integer initializer (int8, uint8 or int32: ONNX keeps all three in int32_data), e.g. a QOperator model's weights and zero points.</summary>
    public OnnxModelBuilder IntegerInitializer(string name, Tensor.Types.ElementType type, long[] dims, IEnumerable<int> values)
    {
        var tensor = new Tensor { Name = name, DataType = (int)type };
        tensor.Dims.AddRange(dims);
        tensor.Int32Data.AddRange(values);
        _model.Graph.Initializer.Add(tensor);
        return this;
    }

    /// <summary>Random weights from a fixed seed, for an initializer of the given shape.</summary>
    public OnnxModelBuilder Random(string name, Random random, double scale, params long[] dims) =>
        Initializer(name, dims, Enumerable.Range(0, (int)dims.Aggregate(1L, (a, b) => a * b)).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale)));

    public OnnxModelBuilder Node(string op, string[] inputs, string[] outputs, string? name = null, string? domain = null, params Attribute[] attributes)
    {
        var node = new Node { OpType = op, Name = name ?? $"{op}_{_model.Graph.Node.Count}" };
        if (domain is not null) node.Domain = domain;
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        _model.Graph.Node.Add(node);
        return this;
    }

    public string Save(string fileName)
    {
        string path = Samples.ScratchFile(fileName);
        File.WriteAllBytes(path, _model.ToByteArray());
        return path;
    }

    public static Attribute Int(string name, long value) => new() { Name = name, Type = Attribute.Types.Kind.Int, I = value };

    public static Attribute Float(string name, float value) => new() { Name = name, Type = Attribute.Types.Kind.Float, F = value };

    public static Attribute Ints(string name, params long[] values)
    {
        var a = new Attribute { Name = name, Type = Attribute.Types.Kind.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    public static Attribute Floats(string name, params float[] values)
    {
        var a = new Attribute { Name = name, Type = Attribute.Types.Kind.Floats };
        a.Floats.AddRange(values);
        return a;
    }

    public static Attribute String(string name, string value) => new() { Name = name, Type = Attribute.Types.Kind.String, S = ByteString.CopyFrom(value, Encoding.UTF8) };

    public static Attribute Strings(string name, params string[] values)
    {
        var a = new Attribute { Name = name, Type = Attribute.Types.Kind.Strings };
        a.Strings.AddRange(values.Select(v => ByteString.CopyFrom(v, Encoding.UTF8)));
        return a;
    }

    private static ValueInfo Value(string name, long[] dims)
    {
        var shape = new Shape();
        shape.Dim.Add(new Shape.Types.Dimension { DimParam = "batch" });
        foreach (var d in dims) shape.Dim.Add(new Shape.Types.Dimension { DimValue = d });
        return new ValueInfo { Name = name, Type = new TypeInfo { TensorType = new TypeInfo.Types.TensorType { ElemType = 1, Shape = shape } } };
    }
}
