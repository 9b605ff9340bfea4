using Edge.Models.Graph;
using Edge.Models.Onnx;

namespace Edge.Models.Import;

/// <summary>
/// Flatten, Reshape, Squeeze, Unsqueeze (a new shape over the same values), Identity/Dropout,
/// Constant, Cast between float types. A pending constant affine map travels through a reshape
/// when its coefficients still vary along one axis of the new shape (BatchNormalization before
/// Flatten and a Gemm).
/// </summary>
internal static class ShapeImport
{
    public static void Flatten(OnnxNode node, ImportContext context)
    {
        var shape = ImportContext.ShapeOf(context.Value(node, node.Inputs[0]));
        long axis = node.Int("axis", 1);
        if (axis < 0) axis += shape.Length;
        int outer = shape.Take((int)axis).Aggregate(1, (a, b) => a * b);
        int count = shape.Aggregate(1, (a, b) => a * b);
        Reshape(node, context, [outer, count / Math.Max(outer, 1)]);
    }

    public static void Reshape(OnnxNode node, ImportContext context)
    {
        var shape = ImportContext.ShapeOf(context.Value(node, node.Inputs[0]));
        var target = context.Const(node, 1, "shape").Longs;
        Reshape(node, context, Target(node, shape, target, shape.Aggregate(1, (a, b) => a * b)));
    }

    /// <summary>ONNX Reshape's target: 0 copies the input's dimension (unless allowzero), one -1 takes what is left.</summary>
    public static int[] Target(OnnxNode node, int[] inputShape, long[] target, int count)
    {
        var shape = new int[target.Length];
        int inferred = -1;
        for (int i = 0; i < target.Length; i++)
        {
            if (target[i] == 0 && node.Int("allowzero", 0) == 0) shape[i] = i < inputShape.Length ? inputShape[i] : throw node.Fail("shape copies a dimension the input does not have");
            else if (target[i] == -1) { if (inferred >= 0) throw node.Fail("shape has two -1 entries"); inferred = i; shape[i] = 1; }
            else if (target[i] > 0) shape[i] = (int)target[i];
            else throw node.Fail($"shape entry {target[i]} is not supported");
        }
        int known = shape.Aggregate(1, (a, b) => a * b);
        if (inferred >= 0)
        {
            if (known == 0 || count % known != 0) throw node.Fail($"cannot infer -1 for {count} elements");
            shape[inferred] = count / known;
        }
        return shape;
    }

    public static void Squeeze(OnnxNode node, ImportContext context)
    {
        var input = ImportContext.ShapeOf(context.Value(node, node.Inputs[0]));
        var axes = Axes(node, context, input.Length);
        var shape = input.Where((d, i) => axes.Length == 0 ? d != 1 : !axes.Contains(i)).ToArray();
        // Squeezing the batch away keeps a leading 1 (edge's tensors keep it); a sequence-first
        // tensor (a GRU/LSTM's Y is [steps, directions, batch, hidden]) has no batch in front to keep.
        bool batchRemoved = input.Length > 0 && input[0] == 1 && (axes.Length == 0 || axes.Contains(0));
        if (shape.Length == 0 || (batchRemoved && shape[0] != 1)) shape = shape.Prepend(1).ToArray();
        Reshape(node, context, shape);
    }

    public static void Unsqueeze(OnnxNode node, ImportContext context)
    {
        var input = ImportContext.ShapeOf(context.Value(node, node.Inputs[0]));
        var axes = Axes(node, context, input.Length + node.Ints("axes").Length + (node.Inputs.Count > 1 ? context.Const(node, 1, "axes").Values.Length : 0));
        var shape = new List<int>(input);
        foreach (int axis in axes.Order()) shape.Insert(axis, 1);
        Reshape(node, context, shape.ToArray());
    }

    private static int[] Axes(OnnxNode node, ImportContext context, int rank)
    {
        var axes = node.Inputs.Count > 1 && node.Inputs[1].Length > 0 ? context.Const(node, 1, "axes").Longs : node.Ints("axes");
        return axes.Select(a => (int)(a < 0 ? a + rank : a)).ToArray();
    }

    /// <summary>The node's output is its input (or the pending map on it) with a new shape.</summary>
    public static void Reshape(OnnxNode node, ImportContext context, int[] shape)
    {
        var value = context.Value(node, node.Inputs[0]);
        int count = ImportContext.ShapeOf(value).Aggregate(1, (a, b) => a * b);
        if (shape.Aggregate(1, (a, b) => a * b) != count) throw node.Fail($"cannot reshape [{string.Join(",", ImportContext.ShapeOf(value))}] to [{string.Join(",", shape)}]");
        if (value is AffineValue affine && !(context.InputOf(affine.Source) is not null && affine.SoleUseOfSource) && TryReshapeAffine(node, context, affine, shape)) return;
        var input = context.Tensor(node, 0);
        context.Add(new ReshapeOp(node.Name, node.OpType, input, new GraphTensor(node.Outputs[0], shape)), node.Outputs[0]);
    }

    /// <summary>Reshapes the map's source and carries the map over when its coefficients vary along one axis of the new shape.</summary>
    private static bool TryReshapeAffine(OnnxNode node, ImportContext context, AffineValue affine, int[] shape)
    {
        var source = affine.Source.Shape;
        int count = shape.Aggregate(1, (a, b) => a * b);
        var fullA = new double[count];
        var fullB = new double[count];
        var strides = Shape4.Strides(source);
        for (int i = 0; i < count; i++)
        {
            int k = affine.Axis < 0 ? 0 : i / strides[affine.Axis] % source[affine.Axis];
            fullA[i] = affine.A[affine.Axis < 0 ? 0 : k];
            fullB[i] = affine.B[affine.Axis < 0 ? 0 : k];
        }
        int axis = -1;
        if (affine.Axis >= 0)
        {
            var newStrides = Shape4.Strides(shape);
            for (int candidate = 0; candidate < shape.Length && axis < 0; candidate++)
            {
                bool fits = true;
                for (int i = 0; i < count && fits; i++)
                {
                    int k = i / newStrides[candidate] % shape[candidate];
                    int first = k * newStrides[candidate];
                    fits = fullA[i] == fullA[first] && fullB[i] == fullB[first];
                }
                if (fits && shape[candidate] > 1) axis = candidate;
            }
            if (axis < 0) return false;
        }
        var reshaped = new GraphTensor(node.Outputs[0] + "/source", shape) { IsOnnxValue = false };
        context.Add(new ReshapeOp(node.Name, node.OpType, affine.Source, reshaped));
        double[] a = axis < 0 ? affine.A : Enumerable.Range(0, shape[axis]).Select(k => fullA[k * Shape4.Strides(shape)[axis]]).ToArray();
        double[] b = axis < 0 ? affine.B : Enumerable.Range(0, shape[axis]).Select(k => fullB[k * Shape4.Strides(shape)[axis]]).ToArray();
        context.Define(node.Outputs[0], new AffineValue(reshaped, axis, a, b, affine.Nodes, affine.SoleUseOfSource && context.SoleConsumer(node.Inputs[0])));
        return true;
    }

    public static void Identity(OnnxNode node, ImportContext context)
    {
        context.Define(node.Outputs[0], context.Value(node, node.Inputs[0]));
        context.Folds.Add($"{node.Describe} removed (no effect at inference)");
        if (node.Outputs.Count > 1 && node.Outputs[1].Length > 0 && !context.Unused(node.Outputs[1])) throw node.Fail("the Dropout mask output is not supported");
    }

    public static void Constant(OnnxNode node, ImportContext context)
    {
        if (node.TensorAttribute("value") is { } tensor)
        {
            context.Define(node.Outputs[0], new ConstValue(ConstTensor.From(tensor, node.Describe)));
            return;
        }
        if (node.Has("value_float")) { context.Define(node.Outputs[0], new ConstValue(new ConstTensor([], [node.Float("value_float", 0)]))); return; }
        if (node.Has("value_floats")) { var f = node.Floats("value_floats"); context.Define(node.Outputs[0], new ConstValue(new ConstTensor([f.Length], f.Select(v => (double)v).ToArray()))); return; }
        if (node.Has("value_int")) { context.Define(node.Outputs[0], new ConstValue(new ConstTensor([], [node.Int("value_int", 0)]) { ElementType = Onnx.Proto.Tensor.Types.ElementType.Int64 })); return; }
        if (node.Has("value_ints")) { var l = node.Ints("value_ints"); context.Define(node.Outputs[0], new ConstValue(new ConstTensor([l.Length], l.Select(v => (double)v).ToArray()) { ElementType = Onnx.Proto.Tensor.Types.ElementType.Int64 })); return; }
        throw node.Fail("only the value, value_float(s) and value_int(s) forms of Constant are supported");
    }

    /// <summary>Cast of an activation: to float or double it changes nothing edge computes; to an integer type it would, and is refused.</summary>
    public static void Cast(OnnxNode node, ImportContext context)
    {
        var to = (Onnx.Proto.Tensor.Types.ElementType)node.Int("to", 1);
        if (to is not (Onnx.Proto.Tensor.Types.ElementType.Float or Onnx.Proto.Tensor.Types.ElementType.Double))
            throw node.Fail($"a cast of an activation to {to} is not supported (edge computes activations as quantised reals; casts to float and double pass)");
        context.Define(node.Outputs[0], context.Value(node, node.Inputs[0]));
        context.Folds.Add($"{node.Describe} removed (a float cast)");
    }
}
