using Edge.Models.Graph;
using Edge.Models.Onnx;
using Edge.Models.Onnx.Proto;

namespace Edge.Models.Import;

/// <summary>
/// Turns an ONNX model as exporters write it into the float <see cref="ModelGraph"/> that the
/// quantiser works on: maps each supported node, folds constant arithmetic and
/// BatchNormalization into neighbours, fuses activations, and names any node it cannot convert.
/// </summary>
public static class OnnxImporter
{
    private delegate void NodeImport(OnnxNode node, ImportContext context);

    private static readonly Dictionary<string, NodeImport> Importers = new(StringComparer.Ordinal)
    {
        ["Gemm"] = LinearImport.Gemm,
        ["MatMul"] = LinearImport.MatMul,
        ["Conv"] = LinearImport.Conv,
        ["Add"] = ElementwiseImport.Add,
        ["Sub"] = ElementwiseImport.Sub,
        ["Mul"] = ElementwiseImport.Mul,
        ["Div"] = ElementwiseImport.Div,
        ["BatchNormalization"] = ElementwiseImport.BatchNormalization,
        ["Relu"] = ActivationImport.Relu,
        ["Clip"] = ActivationImport.Clip,
        ["Sigmoid"] = ActivationImport.Sigmoid,
        ["Tanh"] = ActivationImport.Tanh,
        ["Exp"] = ActivationImport.Exp,
        ["Pow"] = ActivationImport.Pow,
        ["Softmax"] = ActivationImport.Softmax,
        ["MaxPool"] = PoolImport.MaxPool,
        ["AveragePool"] = PoolImport.AveragePool,
        ["GlobalMaxPool"] = PoolImport.GlobalMaxPool,
        ["GlobalAveragePool"] = PoolImport.GlobalAveragePool,
        ["Flatten"] = ShapeImport.Flatten,
        ["Reshape"] = ShapeImport.Reshape,
        ["Squeeze"] = ShapeImport.Squeeze,
        ["Unsqueeze"] = ShapeImport.Unsqueeze,
        ["Identity"] = ShapeImport.Identity,
        ["Dropout"] = ShapeImport.Identity,
        ["Constant"] = ShapeImport.Constant,
        ["ai.onnx.ml:TreeEnsembleRegressor"] = TreeImport.Regressor,
        ["ai.onnx.ml:TreeEnsembleClassifier"] = TreeImport.Classifier,
    };

    /// <summary>The ONNX op types edge converts, for help and messages.</summary>
    public static IReadOnlyList<string> SupportedOps => Importers.Keys.Select(k => k.Replace("ai.onnx.ml:", "")).ToList();

    /// <summary>Imports the file; every problem is a <see cref="ModelImportException"/> whose message starts with the file's path.</summary>
    public static ModelGraph Import(string path)
    {
        var model = OnnxModelFile.Load(path);
        try
        {
            return Import(model, path);
        }
        catch (ModelImportException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new ModelImportException($"{path}: {e.Message}", e);
        }
    }

    internal static ModelGraph Import(Model model, string source)
    {
        var graph = model.Graph;
        var context = new ImportContext(source, OnnxModelFile.Opset(model, ""));
        foreach (var initializer in graph.Initializer)
            context.Define(initializer.Name, new ConstValue(ConstTensor.From(initializer, source)));
        var initializerNames = graph.Initializer.Select(i => i.Name).ToHashSet();
        foreach (var input in graph.Input.Where(i => !initializerNames.Contains(i.Name)))
            AddInput(context, input);
        if (context.Inputs.Count != 1)
            throw new ModelImportException($"{source}: the model has {context.Inputs.Count} inputs; edge converts models with one input tensor");
        foreach (var node in graph.Node)
        foreach (var name in node.Input.Where(n => n.Length > 0))
            context.CountConsumer(name);
        foreach (var output in graph.Output) context.MarkGraphOutput(output.Name);

        for (int i = 0; i < graph.Node.Count; i++)
        {
            var node = new OnnxNode(graph.Node[i], i);
            string key = node.Domain is "" or "ai.onnx" ? node.OpType : $"{node.Domain}:{node.OpType}";
            if (!Importers.TryGetValue(key, out var import))
                throw node.Fail($"op {(node.Domain is "" or "ai.onnx" ? "" : node.Domain + ".")}{node.OpType} is not supported by edge model convert " +
                    $"(supported: {string.Join(", ", SupportedOps)})");
            try
            {
                import(node, context);
            }
            catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or InvalidCastException or OverflowException or KeyNotFoundException)
            {
                // A node whose attributes or constants contradict each other in a way no check above anticipated.
                throw node.Fail($"is malformed ({e.Message})");
            }
        }

        var outputs = new List<(string, GraphTensor)>();
        foreach (var output in graph.Output)
        {
            if (TreeImport.IsLabelOutput(context, output.Name)) continue;
            var node = new OnnxNode(new Node { Name = "graph output", OpType = "Output", Input = { output.Name } }, graph.Node.Count);
            var tensor = context.Tensor(node, 0);
            if (context.InputOf(tensor) is not null) throw new ModelImportException($"{source}: output '{output.Name}' is the model input itself; nothing to convert");
            tensor.Name = output.Name;
            outputs.Add((output.Name, tensor));
        }
        if (context.Ops.Count == 0) throw new ModelImportException($"{source}: no operations left to convert");
        return new ModelGraph(context.Inputs, context.Ops, outputs, context.Folds);
    }

    private static void AddInput(ImportContext context, ValueInfo input)
    {
        var type = input.Type?.TensorType ?? throw new ModelImportException($"{context.Source}: input '{input.Name}' is not a tensor");
        if (type.ElemType != (int)Tensor.Types.ElementType.Float)
            throw new ModelImportException($"{context.Source}: input '{input.Name}' has element type {(Tensor.Types.ElementType)type.ElemType}; edge converts float32 inputs");
        var dims = type.Shape?.Dim ?? throw new ModelImportException($"{context.Source}: input '{input.Name}' has no shape");
        var shape = new int[dims.Count];
        for (int d = 0; d < dims.Count; d++)
        {
            bool known = dims[d].ValueCase == Shape.Types.Dimension.ValueOneofCase.DimValue && dims[d].DimValue > 0;
            if (d == 0 && known && dims[d].DimValue > 1)
                throw new ModelImportException($"{context.Source}: input '{input.Name}' has a fixed batch of {dims[d].DimValue}; export with batch 1 or a symbolic batch");
            if (d == 0) shape[d] = 1;   // the batch: one row per inference
            else if (known) shape[d] = checked((int)dims[d].DimValue);
            else throw new ModelImportException($"{context.Source}: input '{input.Name}' dimension {d} is symbolic ('{dims[d].DimParam}'); only the batch dimension may be");
        }
        if (shape.Length < 2) throw new ModelImportException($"{context.Source}: input '{input.Name}' has rank {shape.Length}; edge expects [batch, features] or [batch, channels, length]");
        int channels = shape[1];
        int inner = shape.Skip(2).Aggregate(1, (a, b) => a * b);
        var tensor = new GraphTensor(input.Name, shape);
        context.Inputs.Add(new GraphInput(input.Name, shape, tensor, channels, inner));
        context.Define(input.Name, new TensorValue(tensor));
    }
}
