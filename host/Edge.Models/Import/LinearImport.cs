using Edge.Models.Graph;
using Edge.Models.Onnx;

namespace Edge.Models.Import;

/// <summary>Gemm, MatMul and Conv, each with constant weights, folding a pending affine map on their input into the weights.</summary>
internal static class LinearImport
{
    public static void Gemm(OnnxNode node, ImportContext context)
    {
        if (node.Int("transA", 0) != 0) throw node.Fail("transA=1 is not supported (the activation must be the row operand)");
        var b = context.Const(node, 1, "B (weights)");
        if (b.Shape.Length != 2) throw node.Fail($"B has rank {b.Shape.Length}, expected 2");
        bool transB = node.Int("transB", 0) != 0;
        int outFeatures = transB ? b.Shape[0] : b.Shape[1];
        int inFeatures = transB ? b.Shape[1] : b.Shape[0];
        double alpha = node.Float("alpha", 1f), beta = node.Float("beta", 1f);
        var weights = new double[outFeatures * inFeatures];
        for (int c = 0; c < outFeatures; c++)
        for (int d = 0; d < inFeatures; d++)
            weights[c * inFeatures + d] = alpha * (transB ? b.Values[c * inFeatures + d] : b.Values[d * outFeatures + c]);
        var bias = new double[outFeatures];
        if (node.Inputs.Count > 2 && node.Inputs[2].Length > 0)
        {
            var c = context.Const(node, 2, "C (bias)");
            if (c.Values.Length != 1 && c.Values.Length != outFeatures)
                throw node.Fail($"C has {c.Values.Length} values; edge supports a bias per output feature or one scalar");
            for (int i = 0; i < outFeatures; i++) bias[i] = beta * c.Values[c.IsScalar ? 0 : i];
        }
        AddFullyConnected(node, context, weights, bias, inFeatures, outFeatures, "Gemm");
    }

    public static void MatMul(OnnxNode node, ImportContext context)
    {
        var b = context.TryConst(node.Inputs[1]) ?? throw node.Fail("the second operand must be a constant weight matrix");
        if (b.Shape.Length != 2) throw node.Fail($"the weight matrix has rank {b.Shape.Length}, expected 2");
        int inFeatures = b.Shape[0], outFeatures = b.Shape[1];
        var weights = new double[outFeatures * inFeatures];
        for (int c = 0; c < outFeatures; c++)
        for (int d = 0; d < inFeatures; d++)
            weights[c * inFeatures + d] = b.Values[d * outFeatures + c];
        AddFullyConnected(node, context, weights, new double[outFeatures], inFeatures, outFeatures, "MatMul");
    }

    private static void AddFullyConnected(OnnxNode node, ImportContext context, double[] weights, double[] bias, int inFeatures, int outFeatures, string sourceOps)
    {
        var input = LinearInput(node, context, axisFromEnd: true, out var affine);
        if (input.Shape[^1] != inFeatures) throw node.Fail($"input {input.ShapeText} does not match {inFeatures} weight columns");
        if (affine is not null)
        {
            var (a, b) = affine.Along(inFeatures);
            for (int c = 0; c < outFeatures; c++)
            for (int d = 0; d < inFeatures; d++)
            {
                bias[c] += weights[c * inFeatures + d] * b[d];
                weights[c * inFeatures + d] *= a[d];
            }
            context.Fold(affine.Describe, node.Describe);
        }
        int rows = input.ElementCount / inFeatures;
        var outShape = input.Shape[..^1].Append(outFeatures).ToArray();
        var output = new GraphTensor(node.Outputs[0], outShape);
        context.Add(new FullyConnectedOp(node.Name, sourceOps, input, output, rows, inFeatures, outFeatures, weights, bias));
        context.Define(node.Outputs[0], new TensorValue(output));
    }

    public static void Conv(OnnxNode node, ImportContext context)
    {
        node.Require("group", 1, "grouped and depthwise convolutions are not implemented");
        var w = context.Const(node, 1, "W (weights)");
        if (w.Shape.Length != 3) throw node.Fail($"weights of rank {w.Shape.Length}: edge converts 1-D convolutions ([out, in, kernel])");
        if (node.Ints("dilations").Any(d => d != 1)) throw node.Fail("dilation other than 1 is not supported");
        var input = LinearInput(node, context, axisFromEnd: false, out var affine);
        if (input.Shape.Length != 3) throw node.Fail($"input {input.ShapeText}: edge converts 1-D convolutions over [batch, channels, length]");
        int outChannels = w.Shape[0], inChannels = w.Shape[1], kernel = w.Shape[2];
        if (input.Shape[1] != inChannels) throw node.Fail($"input has {input.Shape[1]} channels, the weights expect {inChannels}");
        int length = input.Shape[2];
        var strides = node.Ints("strides");
        int stride = strides.Length > 0 ? (int)strides[0] : 1;
        var (padBegin, padEnd) = PoolImport.Padding(node, length, kernel, stride);
        int outLength = (length + padBegin + padEnd - kernel) / stride + 1;
        if (outLength < 1) throw node.Fail($"kernel {kernel} is longer than the padded input ({length + padBegin + padEnd})");
        var weights = (double[])w.Values.Clone();
        var bias = new double[outChannels];
        if (node.Inputs.Count > 2 && node.Inputs[2].Length > 0)
        {
            var b = context.Const(node, 2, "B (bias)");
            if (b.Values.Length != outChannels) throw node.Fail($"bias has {b.Values.Length} values for {outChannels} output channels");
            Array.Copy(b.Values, bias, outChannels);
        }
        var output = new GraphTensor(node.Outputs[0], [1, outChannels, outLength]);
        var op = new Conv1DOp(node.Name, input, output, inChannels, length, outChannels, outLength, kernel, stride, padBegin, weights, bias);
        if (affine is not null)
        {
            var (a, b) = affine.Along(inChannels);
            if (op.HasPadding && b.Any(v => v != 0))
                throw node.Fail($"constant arithmetic before it ({affine.Describe}) adds an offset that cannot be folded into a padded convolution");
            for (int o = 0; o < outChannels; o++)
            for (int i = 0; i < inChannels; i++)
            for (int k = 0; k < kernel; k++)
            {
                int at = (o * inChannels + i) * kernel + k;
                bias[o] += weights[at] * b[i];
                weights[at] *= a[i];
            }
            context.Fold(affine.Describe, node.Describe);
        }
        context.Add(op);
        context.Define(node.Outputs[0], new TensorValue(output));
    }

    /// <summary>
    /// The input activation of a linear op. A pending affine map on a graph input goes into the
    /// input quantiser (as for any consumer); any other one is returned to be folded into the
    /// weights when it runs along the op's input-feature axis.
    /// </summary>
    private static GraphTensor LinearInput(OnnxNode node, ImportContext context, bool axisFromEnd, out AffineValue? affine)
    {
        affine = null;
        if (context.Value(node, node.Inputs[0]) is AffineValue a && (context.InputOf(a.Source) is null || !a.SoleUseOfSource))
        {
            int featureAxis = axisFromEnd ? a.Source.Shape.Length - 1 : 1;
            if (!a.FitsAxis(featureAxis))
                throw node.Fail($"constant arithmetic before it ({a.Describe}) varies along axis {a.Axis}, not along the input features");
            affine = a;
            return a.Source;
        }
        return context.Tensor(node, 0);
    }
}
