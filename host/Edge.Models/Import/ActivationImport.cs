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
                case FullyConnectedOp op: op.Activation = op.Activation.Then(activation); Fused(node, context, op, input); return;
                case Conv1DOp op: op.Activation = op.Activation.Then(activation); Fused(node, context, op, input); return;
                case Pool1DOp op: op.Activation = op.Activation.Then(activation); Fused(node, context, op, input); return;
                case BinaryOp op: op.Activation = op.Activation.Then(activation); Fused(node, context, op, input); return;
                case ClampOp op: op.Activation = op.Activation.Then(activation); Fused(node, context, op, input); return;
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
        // From opset 13 softmax runs along one axis; before, over the input coerced to 2-D at axis.
        if (context.Opset >= 13 && axis != rank - 1) throw node.Fail($"softmax over axis {axis} of {input.ShapeText} is not supported (only the last axis)");
        if (axis < 1 || axis >= rank) throw node.Fail($"softmax axis {axis} of {input.ShapeText} is not supported");
        int depth = input.Shape.Skip((int)axis).Aggregate(1, (a, b) => a * b);
        var output = new GraphTensor(node.Outputs[0], input.Shape);
        context.Add(new SoftmaxOp(node.Name, node.OpType, input, output, input.ElementCount / depth, depth));
        context.Define(node.Outputs[0], new TensorValue(output));
    }
}
