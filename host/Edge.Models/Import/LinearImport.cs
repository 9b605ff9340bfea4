using Edge.Models.Graph;
using Edge.Models.Onnx;

namespace Edge.Models.Import;

/// <summary>
/// Gemm, MatMul and Conv. Constant weights make a fully connected op or a convolution, folding a
/// pending affine map on their input into the weights and pending zero padding into their own;
/// weights a pre-quantised model stores as int8 are kept (<see cref="PinnedWeights"/>). A MatMul
/// of two activations is a MatMul op; a constant times an activation is a fully connected op
/// between two transposes.
/// </summary>
internal static class LinearImport
{
    public static void Gemm(OnnxNode node, ImportContext context)
    {
        if (node.Int("transA", 0) != 0) throw node.Fail("transA=1 is not supported (the activation must be the row operand)");
        var b = context.TryConst(node.Inputs[1]) ?? throw node.Fail("B (weights) must be a constant; edge converts Gemm with fixed weights (use MatMul for two activations)");
        if (b.Shape.Length != 2) throw node.Fail($"B has rank {b.Shape.Length}, expected 2");
        bool transB = node.Int("transB", 0) != 0;
        int outFeatures = transB ? b.Shape[0] : b.Shape[1];
        int inFeatures = transB ? b.Shape[1] : b.Shape[0];
        double alpha = node.Float("alpha", 1f), beta = node.Float("beta", 1f);
        int Source(int c, int d) => transB ? c * inFeatures + d : d * outFeatures + c;
        var weights = new double[outFeatures * inFeatures];
        for (int c = 0; c < outFeatures; c++)
        for (int d = 0; d < inFeatures; d++)
            weights[c * inFeatures + d] = alpha * b.Values[Source(c, d)];
        var bias = new double[outFeatures];
        if (node.Inputs.Count > 2 && node.Inputs[2].Length > 0)
        {
            var c = context.Const(node, 2, "C (bias)");
            if (c.Values.Length != 1 && c.Values.Length != outFeatures)
                throw node.Fail($"C has {c.Values.Length} values; edge supports a bias per output feature or one scalar");
            for (int i = 0; i < outFeatures; i++) bias[i] = beta * c.Values[c.IsScalar ? 0 : i];
        }
        var pinned = alpha == 1 ? Pin(node, context, b, transB ? 0 : 1, outFeatures, inFeatures, Source) : null;
        AddFullyConnected(node, context, weights, bias, inFeatures, outFeatures, "Gemm", pinned);
    }

    public static void MatMul(OnnxNode node, ImportContext context)
    {
        var a = context.TryConst(node.Inputs[0]);
        var b = context.TryConst(node.Inputs[1]);
        if (a is not null && b is not null) throw node.Fail("both operands are constants");
        if (b is not null)
        {
            if (b.Shape.Length > 2 && b.Shape.Take(b.Shape.Length - 2).Any(d => d != 1)) throw node.Fail($"a batched constant weight matrix [{string.Join(",", b.Shape)}] is not supported");
            int inFeatures = b.Shape[^2], outFeatures = b.Shape[^1];
            int Source(int c, int d) => d * outFeatures + c;
            var weights = new double[outFeatures * inFeatures];
            for (int c = 0; c < outFeatures; c++)
            for (int d = 0; d < inFeatures; d++)
                weights[c * inFeatures + d] = b.Values[Source(c, d)];
            AddFullyConnected(node, context, weights, new double[outFeatures], inFeatures, outFeatures, "MatMul", Pin(node, context, b, b.Shape.Length - 1, outFeatures, inFeatures, Source));
            return;
        }
        if (a is not null)
        {
            ConstantTimesActivation(node, context, a);
            return;
        }
        var x = context.Tensor(node, 0);
        var y = context.Tensor(node, 1);
        if (x.Shape.Length < 2 || y.Shape.Length < 2) throw node.Fail($"operands {x.ShapeText} and {y.ShapeText}: edge multiplies matrices (rank 2 or more)");
        int rows = x.Shape[^2], depth = x.Shape[^1], columns = y.Shape[^1];
        if (y.Shape[^2] != depth) throw node.Fail($"operands {x.ShapeText} and {y.ShapeText} do not multiply");
        var batchX = x.Shape[..^2];
        var batchY = y.Shape[..^2];
        int batches = batchX.Aggregate(1, (p, q) => p * q);
        if (batchY.Aggregate(1, (p, q) => p * q) != batches || batchX.Length != batchY.Length && batches != 1)
            throw node.Fail($"batch dimensions of {x.ShapeText} and {y.ShapeText} differ; edge does not broadcast a MatMul");
        var shape = (batchX.Length >= batchY.Length ? batchX : batchY).Append(rows).Append(columns).ToArray();
        context.Add(new MatMulOp(node.Name, x, y, new GraphTensor(node.Outputs[0], shape), batches, rows, depth, columns), node.Outputs[0]);
    }

    /// <summary>A·x with A constant [M][K] and x [.., K][N]: x transposed to [N][K], a fully connected op to [N][M], transposed back.</summary>
    private static void ConstantTimesActivation(OnnxNode node, ImportContext context, ConstTensor a)
    {
        if (a.Shape.Length != 2) throw node.Fail($"a constant left operand of rank {a.Shape.Length} is not supported (rank 2)");
        var x = context.Tensor(node, 1);
        if (x.Shape.Length < 2 || x.Shape.Take(x.Shape.Length - 2).Any(d => d != 1)) throw node.Fail($"the right operand {x.ShapeText} must be one matrix (batch 1)");
        int m = a.Shape[0], k = a.Shape[1], n = x.Shape[^1];
        if (x.Shape[^2] != k) throw node.Fail($"[{m},{k}] and {x.ShapeText} do not multiply");
        var lead = x.Shape[..^2];
        int rank = x.Shape.Length;
        var swap = Enumerable.Range(0, rank).ToArray();
        (swap[rank - 2], swap[rank - 1]) = (rank - 1, rank - 2);
        var transposed = new GraphTensor(node.Outputs[0] + "/x^T", lead.Append(n).Append(k).ToArray()) { IsOnnxValue = false };
        context.Add(StridedCopyOp.Transpose(node.Name + "/x^T", "MatMul", x, transposed, swap));
        var product = new GraphTensor(node.Outputs[0] + "/y^T", lead.Append(n).Append(m).ToArray()) { IsOnnxValue = false };
        context.Add(new FullyConnectedOp(node.Name, "MatMul", transposed, product, n, k, m, (double[])a.Values.Clone(), new double[m]));
        var output = new GraphTensor(node.Outputs[0], lead.Append(m).Append(n).ToArray());
        context.Add(StridedCopyOp.Transpose(node.Name + "/y", "MatMul", product, output, swap), node.Outputs[0]);
        context.Folds.Add($"{node.Describe}: a constant times an activation computed as a fully connected op on the transposed activation");
    }

    private static void AddFullyConnected(OnnxNode node, ImportContext context, double[] weights, double[] bias, int inFeatures, int outFeatures, string sourceOps, PinnedWeights? pinned)
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
            pinned = null;
        }
        int rows = input.ElementCount / inFeatures;
        var outShape = input.Shape[..^1].Append(outFeatures).ToArray();
        var output = new GraphTensor(node.Outputs[0], outShape);
        context.Add(new FullyConnectedOp(node.Name, sourceOps, input, output, rows, inFeatures, outFeatures, weights, bias) { Pinned = pinned }, node.Outputs[0]);
    }

    public static void Conv(OnnxNode node, ImportContext context)
    {
        var w = context.Const(node, 1, "W (weights)");
        int spatial = w.Shape.Length - 2;
        if (spatial is not (1 or 2)) throw node.Fail($"weights of rank {w.Shape.Length}: edge converts 1-D and 2-D convolutions ([out, in, kernel] or [out, in, kh, kw])");
        int groups = (int)node.Int("group", 1);
        var dilations = node.Ints("dilations");
        var strides = node.Ints("strides");
        int Dilation(int axis) => dilations.Length > axis ? (int)dilations[axis] : 1;
        int Stride(int axis) => strides.Length > axis ? (int)strides[axis] : 1;

        // Constant zero padding right before it is the convolution's own.
        var value = context.Value(node, node.Inputs[0]);
        int[]? extra = null;
        if (value is PaddedValue pending && pending.IsZeroPaddingFrom(2) && pending.Rank == spatial + 2)
        {
            extra = pending.Pads;
            context.Define(node.Inputs[0], new TensorValue(pending.Source));
            context.Fold($"Pad '{pending.Node}'", node.Describe);
        }
        var input = LinearInput(node, context, axisFromEnd: false, out var affine);
        if (input.Shape.Length != spatial + 2) throw node.Fail($"input {input.ShapeText} does not match {spatial}-D weights [{string.Join(",", w.Shape)}]");
        int outChannels = w.Shape[0], groupIn = w.Shape[1], inChannels = input.Shape[1];
        if (groups < 1 || inChannels % groups != 0 || outChannels % groups != 0 || groupIn * groups != inChannels)
            throw node.Fail($"group={groups} does not fit {inChannels} input and {outChannels} output channels with weights [{string.Join(",", w.Shape)}]");
        var axes = new WindowAxis[spatial];
        for (int s = 0; s < spatial; s++)
        {
            int length = input.Shape[2 + s], kernel = w.Shape[2 + s];
            var (begin, end) = PoolImport.Padding(node, s, spatial, length, (kernel - 1) * Dilation(s) + 1, Stride(s));
            if (extra is not null)
            {
                begin += extra[2 + s];
                end += extra[2 + s + spatial + 2];
            }
            int effective = (kernel - 1) * Dilation(s) + 1;
            if (begin > effective - 1) throw node.Fail($"padding {begin} before axis {2 + s} reaches past the kernel ({effective}); edge pads at most kernel - 1");
            int outLength = (length + begin + end - effective) / Stride(s) + 1;
            if (outLength < 1) throw node.Fail($"kernel {effective} is longer than the padded input ({length + begin + end})");
            axes[s] = new WindowAxis(length, outLength, kernel, Stride(s), Dilation(s), begin);
        }
        var weights = (double[])w.Values.Clone();
        var bias = new double[outChannels];
        if (context.OptionalConst(node, 2, "B (bias)") is { } b)
        {
            if (b.Values.Length != outChannels) throw node.Fail($"bias has {b.Values.Length} values for {outChannels} output channels");
            Array.Copy(b.Values, bias, outChannels);
        }
        int per = groupIn * w.Shape.Skip(2).Aggregate(1, (p, q) => p * q);
        var pinned = Pin(node, context, w, 0, outChannels, per, (c, k) => c * per + k);
        var height = spatial == 2 ? axes[0] : new WindowAxis(1, 1, 1, 1, 1, 0);
        var width = axes[spatial - 1];
        var outShape = spatial == 2 ? new[] { 1, outChannels, height.Out, width.Out } : [1, outChannels, width.Out];
        var output = new GraphTensor(node.Outputs[0], outShape);
        LinearOp op = spatial == 1 && groups == 1 && width.Dilation == 1
            ? new Conv1DOp(node.Name, input, output, inChannels, width.In, outChannels, width.Out, width.Kernel, width.Stride, width.PadBegin, weights, bias)
            : new Conv2DOp(node.Name, "Conv", input, output, inChannels, outChannels, groups, height, width, weights, bias);
        op.Pinned = pinned;
        if (affine is not null)
        {
            var (a, ab) = affine.Along(inChannels);
            bool padded = op is Conv1DOp c1 ? c1.HasPadding : ((Conv2DOp)op).HasPadding;
            if (padded && ab.Any(v => v != 0))
                throw node.Fail($"constant arithmetic before it ({affine.Describe}) adds an offset that cannot be folded into a padded convolution");
            int kernelSize = per / groupIn;
            for (int o = 0; o < outChannels; o++)
            for (int i = 0; i < groupIn; i++)
            {
                int channel = o / (outChannels / groups) * groupIn + i;
                for (int k = 0; k < kernelSize; k++)
                {
                    int at = (o * groupIn + i) * kernelSize + k;
                    bias[o] += weights[at] * ab[channel];
                    weights[at] *= a[channel];
                }
            }
            context.Fold(affine.Describe, node.Describe);
            op.Pinned = null;
        }
        context.Add(op, node.Outputs[0]);
    }

    /// <summary>
    /// The int8 weights of a DequantizeLinear'd constant, laid out [channel][weight] through
    /// <paramref name="source"/>, when they are symmetric (zero point 0) with one scale per output
    /// channel or per tensor; else null (the weights are quantised afresh, said in the folds).
    /// </summary>
    private static PinnedWeights? Pin(OnnxNode node, ImportContext context, ConstTensor w, int outAxis, int channels, int per, Func<int, int, int> source)
    {
        if (w.Quantized is not { } q) return null;
        bool perChannel = q.Axis == outAxis && q.Scales.Length == channels;
        bool perTensor = q.Scales.Length == 1;
        if (q.IsUnsigned || q.ZeroPoints.Any(z => z != 0) || !(perChannel || perTensor) || q.Q.Any(v => v < -128 || v > 127))
        {
            context.Folds.Add($"{node.Describe}: its int8 weights are {(q.IsUnsigned ? "unsigned" : "asymmetric or not per output channel")}; edge's kernels take symmetric weights per output channel, so they were requantised from their real values");
            return null;
        }
        var values = new sbyte[channels * per];
        for (int c = 0; c < channels; c++)
        for (int k = 0; k < per; k++)
            values[c * per + k] = (sbyte)q.Q[source(c, k)];
        var scales = Enumerable.Range(0, channels).Select(c => (float)q.Scales[perChannel ? c : 0]).ToArray();
        return new PinnedWeights(values, scales);
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
            if (a.FitsAxis(featureAxis))
            {
                affine = a;
                return a.Source;
            }
        }
        return context.Tensor(node, 0);
    }
}
