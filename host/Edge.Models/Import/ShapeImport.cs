using Edge.Models.Graph;
using Edge.Models.Onnx;

namespace Edge.Models.Import;

/// <summary>Flatten, Reshape, Squeeze, Unsqueeze (a new shape over the same values), Identity/Dropout, Constant.</summary>
internal static class ShapeImport
{
    public static void Flatten(OnnxNode node, ImportContext context)
    {
        var input = context.Tensor(node, 0);
        long axis = node.Int("axis", 1);
        if (axis < 0) axis += input.Shape.Length;
        int outer = input.Shape.Take((int)axis).Aggregate(1, (a, b) => a * b);
        Reshape(node, context, input, [outer, input.ElementCount / outer]);
    }

    public static void Reshape(OnnxNode node, ImportContext context)
    {
        var input = context.Tensor(node, 0);
        var target = context.Const(node, 1, "shape").Values.Select(v => (long)v).ToArray();
        var shape = new int[target.Length];
        int inferred = -1;
        for (int i = 0; i < target.Length; i++)
        {
            if (target[i] == 0 && node.Int("allowzero", 0) == 0) shape[i] = i < input.Shape.Length ? input.Shape[i] : throw node.Fail("shape copies a dimension the input does not have");
            else if (target[i] == -1) { if (inferred >= 0) throw node.Fail("shape has two -1 entries"); inferred = i; shape[i] = 1; }
            else if (target[i] > 0) shape[i] = (int)target[i];
            else throw node.Fail($"shape entry {target[i]} is not supported");
        }
        int known = shape.Aggregate(1, (a, b) => a * b);
        if (inferred >= 0)
        {
            if (known == 0 || input.ElementCount % known != 0) throw node.Fail($"cannot infer -1 for {input.ElementCount} elements");
            shape[inferred] = input.ElementCount / known;
        }
        Reshape(node, context, input, shape);
    }

    public static void Squeeze(OnnxNode node, ImportContext context)
    {
        var input = context.Tensor(node, 0);
        var axes = Axes(node, context, input.Shape.Length);
        var shape = input.Shape.Where((d, i) => axes.Length == 0 ? d != 1 : !axes.Contains(i)).ToArray();
        if (shape.Length == 0 || shape[0] != 1) shape = shape.Prepend(1).ToArray();
        Reshape(node, context, input, shape);
    }

    public static void Unsqueeze(OnnxNode node, ImportContext context)
    {
        var input = context.Tensor(node, 0);
        var axes = Axes(node, context, input.Shape.Length + node.Ints("axes").Length + (node.Inputs.Count > 1 ? context.Const(node, 1, "axes").Values.Length : 0));
        var shape = new List<int>(input.Shape);
        foreach (int axis in axes.Order()) shape.Insert(axis, 1);
        Reshape(node, context, input, shape.ToArray());
    }

    private static int[] Axes(OnnxNode node, ImportContext context, int rank)
    {
        var axes = node.Inputs.Count > 1 && node.Inputs[1].Length > 0 ? context.Const(node, 1, "axes").Values.Select(v => (long)v).ToArray() : node.Ints("axes");
        return axes.Select(a => (int)(a < 0 ? a + rank : a)).ToArray();
    }

    private static void Reshape(OnnxNode node, ImportContext context, GraphTensor input, int[] shape)
    {
        if (shape.Aggregate(1, (a, b) => a * b) != input.ElementCount) throw node.Fail($"cannot reshape {input.ShapeText} to [{string.Join(",", shape)}]");
        var output = new GraphTensor(node.Outputs[0], shape);
        context.Add(new ReshapeOp(node.Name, node.OpType, input, output));
        context.Define(node.Outputs[0], new TensorValue(output));
    }

    public static void Identity(OnnxNode node, ImportContext context)
    {
        context.Define(node.Outputs[0], context.Value(node, node.Inputs[0]));
        context.Folds.Add($"{node.Describe} removed (no effect at inference)");
        if (node.Outputs.Count > 1 && node.Outputs[1].Length > 0) throw node.Fail("the Dropout mask output is not supported");
    }

    public static void Constant(OnnxNode node, ImportContext context)
    {
        var tensor = node.TensorAttribute("value") ?? throw node.Fail("only the 'value' form of Constant is supported");
        context.Define(node.Outputs[0], new ConstValue(ConstTensor.From(tensor, node.Describe)));
    }
}
