using Edge.Models.Graph;
using Edge.Models.Onnx;
using Edge.Models.Onnx.Proto;

namespace Edge.Models.Import;

/// <summary>
/// Turns an ONNX model as exporters write it into the float <see cref="ModelGraph"/> that the
/// quantiser works on: folds constant subgraphs, maps each supported node, folds constant
/// arithmetic, padding and BatchNormalization into neighbours, fuses activations, and names any
/// node it cannot convert. When the graph as exported does not convert, ONNX Runtime's basic
/// graph optimisations (constant folding, redundant nodes, Conv+BatchNormalization) are tried
/// first (<see cref="GraphPreparation"/>), and the report says so.
/// </summary>
public static class OnnxImporter
{
    private delegate void NodeImport(OnnxNode node, ImportContext context);

    private const string Ml = "ai.onnx.ml:";
    private const string Microsoft = "com.microsoft:";

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
        ["LeakyRelu"] = ActivationImport.LeakyRelu,
        ["PRelu"] = ActivationImport.PRelu,
        ["HardSigmoid"] = ActivationImport.HardSigmoid,
        ["HardSwish"] = ActivationImport.HardSwish,
        ["Elu"] = ActivationImport.Elu,
        ["Selu"] = ActivationImport.Selu,
        ["Celu"] = ActivationImport.Celu,
        ["ThresholdedRelu"] = ActivationImport.ThresholdedRelu,
        ["Softplus"] = ActivationImport.Softplus,
        ["Softsign"] = ActivationImport.Softsign,
        ["Mish"] = ActivationImport.Mish,
        ["Abs"] = ActivationImport.Abs,
        ["Neg"] = ActivationImport.Neg,
        ["Sqrt"] = ActivationImport.Sqrt,
        ["Log"] = ActivationImport.Log,
        ["Reciprocal"] = ActivationImport.Reciprocal,
        ["Sin"] = ActivationImport.Sin,
        ["Cos"] = ActivationImport.Cos,
        ["Erf"] = ActivationImport.Erf,
        ["Gelu"] = ActivationImport.Gelu,
        ["Softmax"] = ActivationImport.Softmax,
        ["MaxPool"] = PoolImport.MaxPool,
        ["AveragePool"] = PoolImport.AveragePool,
        ["GlobalMaxPool"] = PoolImport.GlobalMaxPool,
        ["GlobalAveragePool"] = PoolImport.GlobalAveragePool,
        ["ReduceMean"] = ReduceImport.ReduceMean,
        ["ReduceMax"] = ReduceImport.ReduceMax,
        ["ReduceSum"] = ReduceImport.ReduceSum,
        ["ArgMax"] = ReduceImport.ArgMax,
        ["Pad"] = PadImport.Pad,
        ["Transpose"] = LayoutImport.Transpose,
        ["Concat"] = LayoutImport.Concat,
        ["Split"] = LayoutImport.Split,
        ["Slice"] = LayoutImport.Slice,
        ["Gather"] = LayoutImport.Gather,
        ["Resize"] = ResizeImport.Resize,
        ["Flatten"] = ShapeImport.Flatten,
        ["Reshape"] = ShapeImport.Reshape,
        ["Squeeze"] = ShapeImport.Squeeze,
        ["Unsqueeze"] = ShapeImport.Unsqueeze,
        ["Identity"] = ShapeImport.Identity,
        ["Dropout"] = ShapeImport.Identity,
        ["Cast"] = ShapeImport.Cast,
        ["Constant"] = ShapeImport.Constant,
        ["GRU"] = RecurrentImport.Gru,
        ["LSTM"] = RecurrentImport.Lstm,
        ["QuantizeLinear"] = QuantizedImport.QuantizeLinear,
        ["DequantizeLinear"] = QuantizedImport.DequantizeLinear,
        ["QLinearConv"] = QuantizedImport.QLinearConv,
        ["QLinearMatMul"] = QuantizedImport.QLinearMatMul,
        [Microsoft + "QGemm"] = QuantizedImport.QGemm,
        [Microsoft + "QLinearAdd"] = QuantizedImport.QLinearAdd,
        [Microsoft + "QLinearMul"] = QuantizedImport.QLinearMul,
        [Microsoft + "QLinearSigmoid"] = QuantizedImport.QLinearUnary,
        [Microsoft + "QLinearLeakyRelu"] = QuantizedImport.QLinearUnary,
        [Microsoft + "QLinearGlobalAveragePool"] = QuantizedImport.QLinearUnary,
        [Microsoft + "QLinearAveragePool"] = QuantizedImport.QLinearUnary,
        [Microsoft + "QLinearSoftmax"] = QuantizedImport.QLinearUnary,
        [Microsoft + "QLinearConcat"] = QuantizedImport.QLinearConcat,
        [Microsoft + "QuantizeLinear"] = QuantizedImport.QuantizeLinear,
        [Microsoft + "DequantizeLinear"] = QuantizedImport.DequantizeLinear,
        [Ml + "TreeEnsembleRegressor"] = TreeImport.Regressor,
        [Ml + "TreeEnsembleClassifier"] = TreeImport.Classifier,
        [Ml + "Scaler"] = LinearModelImport.Scaler,
        [Ml + "LinearClassifier"] = LinearModelImport.LinearClassifier,
        [Ml + "LinearRegressor"] = LinearModelImport.LinearRegressor,
    };

    /// <summary>The ONNX op types edge converts, for help and messages (besides constant subgraphs of other ops, which it folds).</summary>
    public static IReadOnlyList<string> SupportedOps => Importers.Keys.Select(k => k.Replace(Ml, "").Replace(Microsoft, "")).Distinct().ToList();

    /// <summary>Imports the file; every problem is a <see cref="ModelImportException"/> whose message starts with the file's path.</summary>
    public static ModelGraph Import(string path)
    {
        var model = OnnxModelFile.Load(path);
        try
        {
            return Import(model, path);
        }
        catch (ModelImportException original)
        {
            // Constant folding by ONNX Runtime may turn what the exporter left into what edge reads.
            var prepared = GraphPreparation.Prepare(model, path);
            if (prepared is not null)
            {
                try
                {
                    var graph = Import(prepared.Model, path);
                    return graph.WithFolds([prepared.Note]);
                }
                catch (ModelImportException)
                {
                    // The original graph's message names the node as the user exported it.
                }
            }
            if (original.Message.StartsWith(path, StringComparison.Ordinal)) throw;
            throw new ModelImportException($"{path}: {original.Message}", original);
        }
    }

    internal static ModelGraph Import(Model model, string source)
    {
        var context = Prepare(model, source);
        var graph = model.Graph;
        for (int i = 0; i < graph.Node.Count; i++) ImportNode(new OnnxNode(graph.Node[i], i), context);
        return Finish(model, context);
    }

    /// <summary>
    /// Every node of the model with "ok" (and what it became), "folded", why it does not convert, or
    /// "not checked" (an input comes from a node that does not convert), before anything is written.
    /// Shapes ONNX Runtime infers let the check go on past a node that does not convert.
    /// </summary>
    public static OnnxCheck Check(string path)
    {
        var model = OnnxModelFile.Load(path);
        var reports = new List<NodeReport>();
        string? graphProblem = null;
        ImportContext context;
        try
        {
            context = Prepare(model, path);
        }
        catch (ModelImportException e)
        {
            return new OnnxCheck(path, [], e.Message, null);
        }
        var prepared = GraphPreparation.Prepare(model, path);
        if (prepared is not null)
            foreach (var (name, shape) in prepared.Shapes) context.InferredShapes[name] = shape;
        var graph = model.Graph;
        for (int i = 0; i < graph.Node.Count; i++)
        {
            var node = new OnnxNode(graph.Node[i], i);
            int opsBefore = context.Ops.Count, foldsBefore = context.Folds.Count;
            try
            {
                bool constant = ImportNode(node, context);
                var added = context.Ops.Skip(opsBefore).Select(o => o.Kind).ToList();
                string detail = constant ? "constant, computed at conversion"
                    : added.Count > 0 ? string.Join(", ", added) + (context.Folds.Count > foldsBefore ? "; " + string.Join("; ", context.Folds.Skip(foldsBefore)) : "")
                    : context.Folds.Count > foldsBefore ? string.Join("; ", context.Folds.Skip(foldsBefore)) : "pending: merged into the node that reads it";
                reports.Add(new NodeReport(i, node.Name, Key(node), added.Count > 0 ? NodeStatus.Ok : NodeStatus.Folded, detail));
            }
            catch (ModelImportException e)
            {
                bool blocked = e is BlockedImportException;
                string prefix = $"node {node.Describe}: ";
                string message = e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..] : e.Message;
                reports.Add(new NodeReport(i, node.Name, Key(node), blocked ? NodeStatus.NotChecked : NodeStatus.Unsupported, message));
                foreach (var output in node.Outputs.Where(o => o.Length > 0))
                {
                    if (context.InferredShapes.TryGetValue(output, out var shape))
                        context.Define(output, new TensorValue(new GraphTensor(output, shape)));
                    else
                        context.Define(output, new UnavailableValue(node.Describe));
                }
            }
        }
        try
        {
            if (reports.All(r => r.Status is NodeStatus.Ok or NodeStatus.Folded)) Finish(model, context);
        }
        catch (ModelImportException e)
        {
            graphProblem = e.Message;
        }
        string? preparation = null;
        if (reports.Any(r => r.Status is NodeStatus.Unsupported or NodeStatus.NotChecked) && prepared is not null)
        {
            try
            {
                Import(prepared.Model, path);
                preparation = $"{prepared.Note}: after it the model converts";
            }
            catch (ModelImportException e)
            {
                preparation = $"{prepared.Note}: still does not convert ({e.Message})";
            }
        }
        return new OnnxCheck(path, reports, graphProblem, preparation);
    }

    private static string Key(OnnxNode node) => node.Domain is "" or "ai.onnx" ? node.OpType : $"{node.Domain}:{node.OpType}";

    /// <summary>Imports one node; true when it was a constant computed at conversion.</summary>
    private static bool ImportNode(OnnxNode node, ImportContext context)
    {
        try
        {
            if (ConstantFolding.TryFold(node, context)) return true;
            string key = Key(node);
            if (!Importers.TryGetValue(key, out var import))
                throw node.Fail($"op {(node.Domain is "" or "ai.onnx" ? "" : node.Domain + ".")}{node.OpType} is not supported by edge model convert " +
                    $"(supported: {string.Join(", ", SupportedOps)}; other ops only where all their inputs are constants)");
            import(node, context);
            return false;
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or InvalidCastException or OverflowException or KeyNotFoundException)
        {
            // A node whose attributes or constants contradict each other in a way no check anticipated.
            throw node.Fail($"is malformed ({e.Message})");
        }
    }

    private static ImportContext Prepare(Model model, string source)
    {
        var graph = model.Graph;
        var context = new ImportContext(source, OnnxModelFile.Opset(model, ""));
        foreach (var initializer in graph.Initializer)
            context.Define(initializer.Name, new ConstValue(ConstTensor.From(initializer, source)));
        var initializerNames = graph.Initializer.Select(i => i.Name).ToHashSet();
        foreach (var input in graph.Input.Where(i => !initializerNames.Contains(i.Name)))
            AddInput(context, input);
        if (context.Inputs.Count == 0) throw new ModelImportException($"{source}: the model has no inputs besides its weights");
        foreach (var node in graph.Node)
        foreach (var name in node.Input.Where(n => n.Length > 0))
            context.CountConsumer(name);
        foreach (var output in graph.Output) context.MarkGraphOutput(output.Name);
        return context;
    }

    private static ModelGraph Finish(Model model, ImportContext context)
    {
        var graph = model.Graph;
        string source = context.Source;
        var outputs = new List<(string, GraphTensor)>();
        foreach (var output in graph.Output)
        {
            if (TreeImport.IsLabelOutput(context, output.Name)) continue;
            var node = new OnnxNode(new Node { Name = "graph output", OpType = "Output", Input = { output.Name } }, graph.Node.Count);
            var tensor = context.Tensor(node, 0);
            if (context.InputOf(tensor) is not null) throw new ModelImportException($"{source}: output '{output.Name}' is the model input itself; nothing to convert");
            if (context.ProducerOf(tensor) is null) throw new ModelImportException($"{source}: output '{output.Name}' is not computed by any operation");
            if (tensor.Name != output.Name && outputs.All(o => o.Item2 != tensor)) tensor.Name = output.Name;
            outputs.Add((output.Name, tensor));
        }
        if (outputs.Count == 0) throw new ModelImportException($"{source}: the model has no output edge computes");
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

/// <summary>What `edge model inspect --onnx` shows: every node's fate, a problem with the graph as a whole, and what ONNX Runtime's preparation changes.</summary>
public sealed record OnnxCheck(string Path, IReadOnlyList<NodeReport> Nodes, string? GraphProblem, string? Preparation)
{
    public bool Converts => GraphProblem is null && Nodes.Count > 0 && Nodes.All(n => n.Status is NodeStatus.Ok or NodeStatus.Folded);

    /// <summary>For a model that converts: per-layer MACs, parameter and arena bytes of what it becomes (<see cref="Reports.LayerCosts.Estimate"/>).</summary>
    public Reports.LayerCosts? Layers { get; init; }
}
