using Edge.Models.Graph;
using Edge.Models.Onnx;

namespace Edge.Models.Import;

/// <summary>Relu and Clip (fused into the op before them when it is theirs alone), table functions, Softmax.</summary>
internal static class ActivationImport
{
    public static void Relu(OnnxNode node, ImportContext context) => Clamp(node, context, new Activation(0, double.PositiveInfinity));

    public static void Clip(OnnxNode node, ImportContext context)
    {
        double min = double.NegativeInfinity, max = double.PositiveInfinity;
        if (context.Opset >= 11 || node.Inputs.Count > 1)
        {
            if (node.Inputs.Count > 1 && node.Inputs[1].Length > 0) min = context.Const(node, 1, "min").Values[0];
            if (node.Inputs.Count > 2 && node.Inputs[2].Length > 0) max = context.Const(node, 2, "max").Values[0];
        }
        else
        {
            min = node.Float("min", float.MinValue);
            max = node.Float("max", float.MaxValue);
        }
        Clamp(node, context, new Activation(min, max));
    }

    private static void Clamp(OnnxNode node, ImportContext context, Activation activation)
    {
        var input = context.Tensor(node, 0);
        if (context.SoleConsumer(node.Inputs[0]) && context.InputOf(input) is null)
        {
            switch (context.ProducerOf(input))
            {
                case LinearOp op: op.Activation = op.Activation.Then(activation); Fused(node, context, op, input); return;
                case Pool1DOp op: op.Activation = op.Activation.Then(activation); Fused(node, context, op, input); return;
                case Pool2DOp op: op.Activation = op.Activation.Then(activation); Fused(node, context, op, input); return;
                case BinaryOp op: op.Activation = op.Activation.Then(activation); Fused(node, context, op, input); return;
                case ClampOp op: op.Activation = op.Activation.Then(activation); Fused(node, context, op, input); return;
                case ReduceOp op: op.Activation = op.Activation.Then(activation); Fused(node, context, op, input); return;
                case MatMulOp op: op.Activation = op.Activation.Then(activation); Fused(node, context, op, input); return;
            }
        }
        var output = new GraphTensor(node.Outputs[0], input.Shape);
        context.Add(new ClampOp(node.Name, node.OpType, input, output, activation));
        context.Define(node.Outputs[0], new TensorValue(output));
    }

    private static void Fused(OnnxNode node, ImportContext context, GraphOp producer, GraphTensor tensor)
    {
        producer.SourceOps += "+" + node.OpType;
        tensor.Name = node.Outputs[0];
        context.Define(node.Outputs[0], new TensorValue(tensor));
    }

    public static void Sigmoid(OnnxNode node, ImportContext context) =>
        Table(node, context, "sigmoid", x => 1 / (1 + Math.Exp(-x)), (0, 1));

    public static void Tanh(OnnxNode node, ImportContext context) => Table(node, context, "tanh", Math.Tanh, (-1, 1));

    public static void LeakyRelu(OnnxNode node, ImportContext context)
    {
        double alpha = node.Float("alpha", 0.01f);
        Table(node, context, $"leaky_relu({alpha:G4})", x => x >= 0 ? x : alpha * x, null);
    }

    public static void HardSigmoid(OnnxNode node, ImportContext context)
    {
        double alpha = node.Float("alpha", 0.2f), beta = node.Float("beta", 0.5f);
        Table(node, context, $"hard_sigmoid({alpha:G4},{beta:G4})", x => Math.Clamp(alpha * x + beta, 0, 1), null);
    }

    public static void HardSwish(OnnxNode node, ImportContext context) =>
        Table(node, context, "hard_swish", x => x * Math.Clamp(x / 6 + 0.5, 0, 1), null);

    public static void Elu(OnnxNode node, ImportContext context)
    {
        double alpha = node.Float("alpha", 1f);
        Table(node, context, $"elu({alpha:G4})", x => x > 0 ? x : alpha * (Math.Exp(x) - 1), null);
    }

    public static void Selu(OnnxNode node, ImportContext context)
    {
        double alpha = node.Float("alpha", 1.67326319217681884765625f), gamma = node.Float("gamma", 1.05070102214813232421875f);
        Table(node, context, "selu", x => gamma * (x > 0 ? x : alpha * (Math.Exp(x) - 1)), null);
    }

    public static void Celu(OnnxNode node, ImportContext context)
    {
        double alpha = node.Float("alpha", 1f);
        Table(node, context, $"celu({alpha:G4})", x => Math.Max(0, x) + Math.Min(0, alpha * (Math.Exp(x / alpha) - 1)), null);
    }

    public static void ThresholdedRelu(OnnxNode node, ImportContext context)
    {
        double alpha = node.Float("alpha", 1f);
        Table(node, context, $"thresholded_relu({alpha:G4})", x => x > alpha ? x : 0, null);
    }

    public static void Softplus(OnnxNode node, ImportContext context) => Table(node, context, "softplus", x => x > 30 ? x : Math.Log(1 + Math.Exp(x)), null);

    public static void Softsign(OnnxNode node, ImportContext context) => Table(node, context, "softsign", x => x / (1 + Math.Abs(x)), (-1, 1));

    public static void Mish(OnnxNode node, ImportContext context) => Table(node, context, "mish", x => x * Math.Tanh(x > 30 ? x : Math.Log(1 + Math.Exp(x))), null);

    public static void Abs(OnnxNode node, ImportContext context) => Table(node, context, "abs", Math.Abs, null);

    public static void Neg(OnnxNode node, ImportContext context) => Table(node, context, "neg", x => -x, null);

    public static void Sqrt(OnnxNode node, ImportContext context) => Table(node, context, "sqrt", Math.Sqrt, null);

    public static void Log(OnnxNode node, ImportContext context) => Table(node, context, "log", Math.Log, null);

    public static void Reciprocal(OnnxNode node, ImportContext context) => Table(node, context, "reciprocal", x => 1 / x, null);

    public static void Sin(OnnxNode node, ImportContext context) => Table(node, context, "sin", Math.Sin, (-1, 1));

    public static void Cos(OnnxNode node, ImportContext context) => Table(node, context, "cos", Math.Cos, (-1, 1));

    public static void Erf(OnnxNode node, ImportContext context) => Table(node, context, "erf", ErrorFunction, (-1, 1));

    public static void Gelu(OnnxNode node, ImportContext context)
    {
        string approximate = node.String("approximate", "none");
        Func<double, double> gelu = approximate == "tanh"
            ? x => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)))
            : x => 0.5 * x * (1 + ErrorFunction(x / Math.Sqrt(2)));
        Table(node, context, $"gelu({approximate})", gelu, null);
    }

    /// <summary>erf by Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7, far under an int8 step).</summary>
    private static double ErrorFunction(double x)
    {
        double t = 1 / (1 + 0.3275911 * Math.Abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return x >= 0 ? y : -y;
    }

    /// <summary>PRelu: one slope is a table like LeakyRelu; a slope per channel is a PRelu op.</summary>
    public static void PRelu(OnnxNode node, ImportContext context)
    {
        var slope = context.Const(node, 1, "slope");
        var input = context.Tensor(node, 0);
        if (slope.Values.Distinct().Count() == 1)
        {
            double alpha = slope.Values[0];
            Table(node, context, $"prelu({alpha:G4})", x => x >= 0 ? x : alpha * x, null);
            return;
        }
        var shape = input.Shape;
        if (slope.Shape.Length > shape.Length) throw node.Fail($"slope [{string.Join(",", slope.Shape)}] has a higher rank than the input {input.ShapeText}");
        int offset = shape.Length - slope.Shape.Length;
        var varying = Enumerable.Range(0, slope.Shape.Length).Where(i => slope.Shape[i] > 1).ToList();
        if (varying.Count != 1 || slope.Shape[varying[0]] != shape[offset + varying[0]])
            throw node.Fail($"slope [{string.Join(",", slope.Shape)}] must vary along one axis of {input.ShapeText} (a slope per channel)");
        int axis = offset + varying[0];
        int outer = shape.Take(axis).Aggregate(1, (a, b) => a * b), inner = shape.Skip(axis + 1).Aggregate(1, (a, b) => a * b);
        context.Add(new PReluOp(node.Name, input, new GraphTensor(node.Outputs[0], shape), outer, shape[axis], inner, slope.Values), node.Outputs[0]);
    }

    public static void Exp(OnnxNode node, ImportContext context) => Table(node, context, "exp", Math.Exp, null);

    public static void Pow(OnnxNode node, ImportContext context)
    {
        var baseConstant = context.TryConst(node.Inputs[0]);
        var exponentConstant = context.TryConst(node.Inputs[1]);
        if (baseConstant is { IsScalar: true } && exponentConstant is null)
        {
            double b = baseConstant.Values[0];
            if (b <= 0) throw node.Fail($"a constant base of {b} is not supported (must be positive)");
            Table(node, context, $"{b:G6}^x", x => Math.Pow(b, x), null, activationInput: 1);
            return;
        }
        if (exponentConstant is { IsScalar: true } && baseConstant is null)
        {
            double e = exponentConstant.Values[0];
            Table(node, context, $"x^{e:G6}", x => Math.Pow(x, e), null);
            return;
        }
        throw node.Fail("edge converts Pow with one scalar constant operand (by table)");
    }

    private static void Table(OnnxNode node, ImportContext context, string function, Func<double, double> apply, (double, double)? fixedRange, int activationInput = 0)
    {
        var input = context.Tensor(node, activationInput);
        var output = new GraphTensor(node.Outputs[0], input.Shape);
        context.Add(new UnaryFunctionOp(node.Name, node.OpType, input, output, function, apply, fixedRange));
        context.Define(node.Outputs[0], new TensorValue(output));
    }

    public static void Softmax(OnnxNode node, ImportContext context)
    {
        var input = context.Tensor(node, 0);
        int rank = input.Shape.Length;
        long axis = node.Int("axis", context.Opset >= 13 ? -1 : 1);
        if (axis < 0) axis += rank;
        if (axis < 1 || axis >= rank) throw node.Fail($"softmax axis {axis} of {input.ShapeText} is not supported (not the batch)");
        if (context.Opset < 13 || axis == rank - 1 || input.Shape.Skip((int)axis + 1).All(d => d == 1))
        {
            // Before opset 13 softmax runs over the input coerced to 2-D at axis; from 13 along one axis.
            int depth = context.Opset < 13 ? input.Shape.Skip((int)axis).Aggregate(1, (a, b) => a * b) : input.Shape[axis];
            context.Add(new SoftmaxOp(node.Name, node.OpType, input, new GraphTensor(node.Outputs[0], input.Shape), input.ElementCount / depth, depth), node.Outputs[0]);
            return;
        }
        // Along an inner axis: move it last, softmax over rows, move it back.
        var perm = Enumerable.Range(0, rank).Where(a => a != axis).Append((int)axis).ToArray();
        var back = Enumerable.Range(0, rank).Select(a => Array.IndexOf(perm, a)).ToArray();
        var moved = new GraphTensor(node.Outputs[0] + "/moved", perm.Select(p => input.Shape[p]).ToArray()) { IsOnnxValue = false };
        context.Add(StridedCopyOp.Transpose(node.Name + "/to-last", "Softmax", input, moved, perm));
        var soft = new GraphTensor(node.Outputs[0] + "/softmax", moved.Shape) { IsOnnxValue = false };
        context.Add(new SoftmaxOp(node.Name, node.OpType, moved, soft, moved.ElementCount / input.Shape[axis], input.Shape[axis]));
        context.Add(StridedCopyOp.Transpose(node.Name + "/back", "Softmax", soft, new GraphTensor(node.Outputs[0], input.Shape), back), node.Outputs[0]);
        context.Folds.Add($"{node.Describe} over axis {axis}: the axis moved last and back by strided copies");
    }
}
