using Edge.Models.Graph;
using Edge.Models.Onnx;

namespace Edge.Models.Import;

/// <summary>
/// ONNX-ML linear models as skl2onnx writes them: Scaler (a per-feature affine map, folded like
/// Sub/Div), LinearRegressor and LinearClassifier (a fully connected op, then the classifier's
/// post-transform: LOGISTIC a sigmoid table, SOFTMAX a softmax). The classifier's label output
/// is an ArgMax of its scores (<see cref="ClassLabelImport"/>).
/// </summary>
internal static class LinearModelImport
{
    public static void Scaler(OnnxNode node, ImportContext context)
    {
        var shape = ImportContext.ShapeOf(context.Value(node, node.Inputs[0]));
        int features = shape[^1];
        var offset = node.Floats("offset");
        var scale = node.Floats("scale");
        double Offset(int i) => offset.Length == 0 ? 0 : offset[offset.Length == 1 ? 0 : i];
        double Scale(int i) => scale.Length == 0 ? 1 : scale[scale.Length == 1 ? 0 : i];
        if (offset.Length > 1 && offset.Length != features || scale.Length > 1 && scale.Length != features)
            throw node.Fail($"offset ({offset.Length}) and scale ({scale.Length}) must have one value or one per feature ({features})");
        var a = Enumerable.Range(0, features).Select(Scale).ToArray();
        var b = Enumerable.Range(0, features).Select(i => -Offset(i) * Scale(i)).ToArray();
        ElementwiseImport.Affine(node, context, node.Inputs[0], shape.Length - 1, a, b);
    }

    public static void LinearRegressor(OnnxNode node, ImportContext context)
    {
        string post = node.String("post_transform", "NONE");
        if (post != "NONE") throw node.Fail($"post_transform={post} is not supported (NONE)");
        int targets = (int)node.Int("targets", 1);
        var intercepts = node.Floats("intercepts");
        Linear(node, context, node.Floats("coefficients"), targets, t => intercepts.Length == 0 ? 0 : intercepts[t], node.Outputs[0]);
    }

    public static void LinearClassifier(OnnxNode node, ImportContext context)
    {
        int labels = Math.Max(node.Ints("classlabels_ints").Length, node.Strings("classlabels_strings").Length);
        var coefficients = node.Floats("coefficients");
        var intercepts = node.Floats("intercepts");
        var shape = ImportContext.ShapeOf(context.Value(node, node.Inputs[0]));
        int features = shape[^1];
        if (features == 0 || coefficients.Length % features != 0) throw node.Fail($"{coefficients.Length} coefficients for {features} features");
        int rows = coefficients.Length / features;
        if (node.Outputs.Count < 2 || node.Outputs[1].Length == 0) throw node.Fail("the scores output (Z) is needed");
        string post = node.String("post_transform", "NONE");
        if (post is not ("NONE" or "LOGISTIC" or "SOFTMAX")) throw node.Fail($"post_transform={post} is not supported (NONE, LOGISTIC, SOFTMAX)");
        string scores = node.Outputs[1] + "/scores";
        if (rows == 1 && labels == 2)
        {
            // One row for two classes: the scores are [-s, s] (ONNX Runtime's binary case).
            var twice = coefficients.Select(c => -c).Concat(coefficients).ToArray();
            double b = intercepts.Length > 0 ? intercepts[0] : 0;
            Linear(node, context, twice, 2, t => t == 0 ? -b : b, post == "NONE" ? node.Outputs[1] : scores);
        }
        else
        {
            if (labels != 0 && labels != rows) throw node.Fail($"{rows} coefficient rows for {labels} class labels");
            Linear(node, context, coefficients, rows, t => intercepts.Length == 0 ? 0 : intercepts[t], post == "NONE" ? node.Outputs[1] : scores);
        }
        if (post != "NONE")
        {
            var input = ((TensorValue)context.Value(node, scores)).Tensor;
            var output = new GraphTensor(node.Outputs[1], input.Shape);
            GraphOp transform = post == "LOGISTIC"
                ? new UnaryFunctionOp(node.Name + "/logistic", "post_transform", input, output, "sigmoid", x => 1 / (1 + Math.Exp(-x)), (0, 1))
                : new SoftmaxOp(node.Name + "/softmax", "post_transform", input, output, 1, input.ElementCount);
            context.Add(transform, node.Outputs[1]);
        }
        ClassLabelImport.Define(node, context, node.Outputs[0], node.Outputs[1], node.Ints("classlabels_ints"), labels == 0 ? rows : labels);
    }

    /// <summary>y[t] = Σ_f coefficients[t·F + f]·x[f] + intercept(t), as a fully connected op named <paramref name="output"/>.</summary>
    private static void Linear(OnnxNode node, ImportContext context, float[] coefficients, int targets, Func<int, double> intercept, string output)
    {
        var shape = ImportContext.ShapeOf(context.Value(node, node.Inputs[0]));
        int features = shape[^1];
        if (coefficients.Length != targets * features) throw node.Fail($"{coefficients.Length} coefficients for {targets} targets of {features} features");
        var weights = coefficients.Select(c => (double)c).ToArray();
        var bias = Enumerable.Range(0, targets).Select(intercept).ToArray();
        var proto = new Onnx.Proto.Node { Name = node.Proto.Name, OpType = node.OpType };
        proto.Input.Add(node.Inputs[0]);
        proto.Output.Add(output);
        var input = new OnnxNode(proto, 0);
        var x = context.Value(node, node.Inputs[0]) is AffineValue a && (context.InputOf(a.Source) is null || !a.SoleUseOfSource) && a.FitsAxis(shape.Length - 1) ? a : null;
        GraphTensor tensor;
        if (x is not null)
        {
            var (fa, fb) = x.Along(features);
            for (int t = 0; t < targets; t++)
            for (int f = 0; f < features; f++)
            {
                bias[t] += weights[t * features + f] * fb[f];
                weights[t * features + f] *= fa[f];
            }
            context.Fold(x.Describe, node.Describe);
            tensor = x.Source;
        }
        else
        {
            tensor = context.Tensor(input, 0);
        }
        int rows = tensor.ElementCount / features;
        var outShape = tensor.Shape[..^1].Append(targets).ToArray();
        var op = new FullyConnectedOp(node.Name, node.OpType, tensor, new GraphTensor(output, outShape) { IsOnnxValue = !output.EndsWith("/scores", StringComparison.Ordinal) }, rows, features, targets, weights, bias);
        context.Add(op, output);
    }
}
