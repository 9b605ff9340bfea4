using Edge.Models.Graph;
using Edge.Models.Onnx;

namespace Edge.Models.Import;

/// <summary>
/// Add, Sub, Mul, Div and BatchNormalization. With a constant operand they are affine maps
/// (x·a + b per channel) that fold into a neighbour: into the Gemm/MatMul/Conv or tree ensemble
/// that produced x when nothing else reads it, otherwise into whatever consumes them next (a
/// linear op's weights or the input quantiser). Between two activations, Add and Mul are ops.
/// </summary>
internal static class ElementwiseImport
{
    public static void Add(OnnxNode node, ImportContext context) => Binary(node, context, isAdd: true, (x, c) => (1, c), (c, x) => (1, c));

    public static void Sub(OnnxNode node, ImportContext context) => Binary(node, context, isAdd: null, (x, c) => (1, -c), (c, x) => (-1, c));

    public static void Mul(OnnxNode node, ImportContext context) => Binary(node, context, isAdd: false, (x, c) => (c, 0), (c, x) => (c, 0));

    public static void Div(OnnxNode node, ImportContext context) =>
        Binary(node, context, isAdd: null, (x, c) => c == 0 ? throw node.Fail("divides by a constant zero") : (1 / c, 0), (c, x) => throw node.Fail("a constant divided by an activation is not affine; edge cannot fold it"));

    public static void BatchNormalization(OnnxNode node, ImportContext context)
    {
        double epsilon = node.Float("epsilon", 1e-5f);
        var scale = context.Const(node, 1, "scale").Values;
        var bias = context.Const(node, 2, "B").Values;
        var mean = context.Const(node, 3, "input_mean").Values;
        var variance = context.Const(node, 4, "input_var").Values;
        int channels = scale.Length;
        if (bias.Length != channels || mean.Length != channels || variance.Length != channels)
            throw node.Fail("scale, B, mean and var must have one value per channel");
        var a = new double[channels];
        var b = new double[channels];
        for (int c = 0; c < channels; c++)
        {
            a[c] = scale[c] / Math.Sqrt(variance[c] + epsilon);
            b[c] = bias[c] - mean[c] * a[c];
        }
        var source = context.Value(node, node.Inputs[0]);
        var shape = source switch
        {
            TensorValue t => t.Tensor.Shape,
            AffineValue f => f.Source.Shape,
            _ => throw node.Fail("the input is a constant"),
        };
        if (shape.Length < 2 || shape[1] != channels) throw node.Fail($"{channels} channels do not match the input's axis 1");
        Affine(node, context, node.Inputs[0], 1, a, b);
    }

    private static void Binary(OnnxNode node, ImportContext context, bool? isAdd, Func<double, double, (double A, double B)> activationFirst, Func<double, double, (double A, double B)> constantFirst)
    {
        if (node.Inputs.Count != 2) throw node.Fail("expects two inputs");
        var left = context.Value(node, node.Inputs[0]);
        var right = context.Value(node, node.Inputs[1]);
        if (left is ConstValue lc && right is ConstValue rc)
        {
            context.Define(node.Outputs[0], new ConstValue(FoldConstants(node, lc.Tensor, rc.Tensor, (x, y) => activationFirst(x, y) is var f ? x * f.A + f.B : 0)));
            return;
        }
        if (left is ConstValue || right is ConstValue)
        {
            bool constantIsLeft = left is ConstValue;
            var constant = ((ConstValue)(constantIsLeft ? left : right)).Tensor;
            string activationName = node.Inputs[constantIsLeft ? 1 : 0];
            var activationShape = ShapeOf(node, context.Value(node, activationName));
            var (axis, values) = Broadcast(node, constant, activationShape);
            var a = new double[values.Length];
            var b = new double[values.Length];
            for (int i = 0; i < values.Length; i++)
                (a[i], b[i]) = constantIsLeft ? constantFirst(values[i], 0) : activationFirst(0, values[i]);
            Affine(node, context, activationName, axis, a, b);
            return;
        }
        if (isAdd is null) throw node.Fail($"{node.OpType} of two activations is not supported (only Add and Mul)");
        var x = context.Tensor(node, 0);
        var y = context.Tensor(node, 1);
        if (!x.Shape.SequenceEqual(y.Shape)) throw node.Fail($"shapes {x.ShapeText} and {y.ShapeText} differ; edge adds and multiplies activations of the same shape");
        var output = new GraphTensor(node.Outputs[0], x.Shape);
        context.Add(new BinaryOp(node.Name, node.OpType, x, y, output, isAdd.Value));
        context.Define(node.Outputs[0], new TensorValue(output));
    }

    /// <summary>Records value = input·a + b, folding it back into the input's producer when that is possible.</summary>
    public static void Affine(OnnxNode node, ImportContext context, string inputName, int axis, double[] a, double[] b)
    {
        var input = context.Value(node, inputName);
        if (input is AffineValue previous)
        {
            if (previous.Axis >= 0 && axis >= 0 && previous.Axis != axis)
                throw node.Fail($"constant arithmetic along axis {axis} after constant arithmetic along axis {previous.Axis} ({previous.Describe}) cannot be combined");
            int combinedAxis = previous.Axis >= 0 ? previous.Axis : axis;
            int length = Math.Max(previous.A.Length, a.Length);
            var (pa, pb) = Expand(previous.A, previous.B, length);
            var (na, nb) = Expand(a, b, length);
            var ca = new double[length];
            var cb = new double[length];
            for (int i = 0; i < length; i++)
            {
                ca[i] = pa[i] * na[i];
                cb[i] = pb[i] * na[i] + nb[i];
            }
            bool sole = previous.SoleUseOfSource && context.SoleConsumer(inputName);
            context.Define(node.Outputs[0], new AffineValue(previous.Source, combinedAxis, ca, cb, previous.Nodes.Append(node.Describe).ToList(), sole));
            return;
        }
        var source = ((TensorValue)input).Tensor;
        if (context.SoleConsumer(inputName) && TryFoldIntoProducer(context, source, axis, a, b, node.Describe))
        {
            source.Name = node.Outputs[0];
            context.Define(node.Outputs[0], new TensorValue(source));
            return;
        }
        context.Define(node.Outputs[0], new AffineValue(source, axis, a, b, [node.Describe], context.SoleConsumer(inputName)));
    }

    private static bool TryFoldIntoProducer(ImportContext context, GraphTensor source, int axis, double[] a, double[] b, string what)
    {
        var producer = context.ProducerOf(source);
        int last = source.Shape.Length - 1;
        switch (producer)
        {
            case LinearOp linear when linear.Activation.IsNone && source.Pinned is null && (axis < 0 || axis == (linear is FullyConnectedOp ? last : 1)):
                var (la, lb) = Expand(a, b, linear.OutChannels);
                linear.ScaleChannels(la, lb);
                break;
            case TreeEnsembleOp tree when axis < 0 || axis == last:
                var (ta, tb) = Expand(a, b, tree.TargetCount);
                for (int t = 0; t < tree.TargetCount; t++) tree.FoldAffine(t, ta[t], tb[t]);
                break;
            default:
                return false;
        }
        producer.SourceOps += "+" + what.Split(' ')[0];
        context.Fold(what, $"{producer.SourceOps.Split('+')[0]} '{producer.Name}'");
        return true;
    }

    private static (double[] A, double[] B) Expand(double[] a, double[] b, int length) =>
        a.Length == length ? (a, b) : (Enumerable.Repeat(a[0], length).ToArray(), Enumerable.Repeat(b[0], length).ToArray());

    private static int[] ShapeOf(OnnxNode node, ImportedValue value) => value switch
    {
        TensorValue t => t.Tensor.Shape,
        AffineValue a => a.Source.Shape,
        _ => throw node.Fail("unexpected constant"),
    };

    /// <summary>
    /// Where a constant varies once broadcast against the activation: nowhere (a scalar, axis -1)
    /// or along exactly one non-batch axis. Anything else is not a per-channel map.
    /// </summary>
    private static (int Axis, double[] Values) Broadcast(OnnxNode node, ConstTensor constant, int[] shape)
    {
        if (constant.Shape.Length > shape.Length) throw node.Fail($"the constant has rank {constant.Shape.Length}, above the activation's {shape.Length}");
        int offset = shape.Length - constant.Shape.Length;
        int axis = -1;
        for (int i = 0; i < constant.Shape.Length; i++)
        {
            int dim = constant.Shape[i];
            if (dim == 1) continue;
            if (dim != shape[offset + i]) throw node.Fail($"a constant of shape [{string.Join(",", constant.Shape)}] does not broadcast to [{string.Join(",", shape)}]");
            if (axis >= 0 || offset + i == 0)
                throw node.Fail($"the constant varies along more than one axis (or the batch); edge folds per-channel or scalar constants");
            axis = offset + i;
        }
        return axis < 0 ? (-1, [constant.Values[0]]) : (axis, constant.Values);
    }

    private static ConstTensor FoldConstants(OnnxNode node, ConstTensor x, ConstTensor y, Func<double, double, double> op)
    {
        if (y.IsScalar) return new ConstTensor(x.Shape, x.Values.Select(v => op(v, y.Values[0])).ToArray());
        if (x.IsScalar) return new ConstTensor(y.Shape, y.Values.Select(v => op(x.Values[0], v)).ToArray());
        if (!x.Shape.SequenceEqual(y.Shape)) throw node.Fail("constant operands of different shapes are not folded");
        return new ConstTensor(x.Shape, x.Values.Zip(y.Values, op).ToArray());
    }
}
