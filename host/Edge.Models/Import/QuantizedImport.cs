using Edge.Models.Graph;
using Edge.Models.Onnx;
using Edge.Models.Onnx.Proto;
using Edge.Models.Quantization;

namespace Edge.Models.Import;

/// <summary>
/// Pre-quantised models. QDQ (QuantizeLinear/DequantizeLinear around float ops, as ONNX
/// Runtime's static quantiser writes) and QOperator (QLinearConv, QLinearMatMul, QLinearAdd,
/// QGemm, ...) both describe real values on an int8/uint8 grid, so edge keeps working on real
/// values: a QuantizeLinear pins its input's quantisation (uint8 becomes int8 with the zero point
/// less 128, the same reals), a DequantizeLinear of stored integers is a constant that remembers
/// them (weights stay the model's own), and each QLinear op is its float op with pinned input,
/// weight and output quantisations.
/// </summary>
internal static class QuantizedImport
{
    public static void QuantizeLinear(OnnxNode node, ImportContext context)
    {
        var (scale, zeroPoint, unsigned) = Parameters(node, context, 1, 2, perTensor: true);
        if (context.TryConst(node.Inputs[0]) is { } constant)
        {
            double lo = unsigned ? 0 : -128, hi = unsigned ? 255 : 127;
            var q = constant.Values.Select(v => Math.Clamp(Math.Round(v / scale[0], MidpointRounding.ToEven) + zeroPoint[0], lo, hi)).ToArray();
            context.Define(node.Outputs[0], new ConstValue(new ConstTensor(constant.Shape, q) { ElementType = unsigned ? Tensor.Types.ElementType.Uint8 : Tensor.Types.ElementType.Int8 }));
            return;
        }
        var tensor = Pin(node, context, context.Tensor(node, 0), scale[0], zeroPoint[0], unsigned, node.Outputs[0]);
        context.Define(node.Outputs[0], new TensorValue(tensor));
    }

    public static void DequantizeLinear(OnnxNode node, ImportContext context)
    {
        if (context.TryConst(node.Inputs[0]) is { } q)
        {
            int axis = q.Shape.Length == 0 ? 0 : ConstantFolding.Axis(node, node.Int("axis", 1), q.Shape.Length);
            var scale = context.Const(node, 1, "x_scale").Values;
            var zero = context.OptionalConst(node, 2, "x_zero_point")?.Values ?? new double[scale.Length];
            bool perAxis = scale.Length > 1;
            if (perAxis && scale.Length != q.Shape[axis]) throw node.Fail($"{scale.Length} scales for axis {axis} of [{string.Join(",", q.Shape)}]");
            int inner = perAxis ? q.Shape.Skip(axis + 1).Aggregate(1, (a, b) => a * b) : 1;
            var real = new double[q.Values.Length];
            for (int i = 0; i < real.Length; i++)
            {
                int k = perAxis ? i / inner % scale.Length : 0;
                real[i] = (q.Values[i] - zero[k]) * (float)scale[k];
            }
            bool unsigned = q.ElementType == Tensor.Types.ElementType.Uint8;
            context.Define(node.Outputs[0], new ConstValue(new ConstTensor(q.Shape, real)
            {
                Quantized = new QuantizedConst(q.Values, scale, zero, perAxis ? axis : -1, unsigned),
            }));
            return;
        }
        var (s, z, u) = Parameters(node, context, 1, 2, perTensor: true);
        var tensor = Pin(node, context, context.Tensor(node, 0), s[0], z[0], u, node.Outputs[0]);
        context.Define(node.Outputs[0], new TensorValue(tensor));
    }

    public static void QLinearConv(OnnxNode node, ImportContext context)
    {
        // x, x_scale, x_zero_point, w, w_scale, w_zero_point, y_scale, y_zero_point, B
        var x = Activation(node, context, 0, 1, 2);
        var w = Dequantized(node, context, 3, 4, 5, axis: 0);
        var inputs = new List<string> { x, w };
        if (node.Inputs.Count > 8 && node.Inputs[8].Length > 0) inputs.Add(Bias(node, context, 8, node.Inputs[1], node.Inputs[4]));
        Float(node, context, "Conv", inputs, 6, 7, LinearImport.Conv);
    }

    public static void QLinearMatMul(OnnxNode node, ImportContext context)
    {
        // a, a_scale, a_zero_point, b, b_scale, b_zero_point, y_scale, y_zero_point
        var a = Activation(node, context, 0, 1, 2);
        var b = context.TryConst(node.Inputs[3]) is { } bc ? Dequantized(node, context, 3, 4, 5, axis: bc.Shape.Length - 1) : Activation(node, context, 3, 4, 5);
        Float(node, context, "MatMul", [a, b], 6, 7, LinearImport.MatMul);
    }

    /// <summary>com.microsoft QGemm: A, a_scale, a_zp, B, b_scale, b_zp, C (int32 bias), y_scale, y_zp (absent: float output).</summary>
    public static void QGemm(OnnxNode node, ImportContext context)
    {
        var a = Activation(node, context, 0, 1, 2);
        bool transB = node.Int("transB", 0) != 0;
        var b = Dequantized(node, context, 3, 4, 5, axis: transB ? 0 : 1);
        var inputs = new List<string> { a, b };
        if (node.Inputs.Count > 6 && node.Inputs[6].Length > 0) inputs.Add(Bias(node, context, 6, node.Inputs[1], node.Inputs[4]));
        bool quantizedOutput = node.Inputs.Count > 7 && node.Inputs[7].Length > 0;
        Float(node, context, "Gemm", inputs, quantizedOutput ? 7 : -1, 8, LinearImport.Gemm);
    }

    /// <summary>QLinearAdd / QLinearMul (com.microsoft): A, A_scale, A_zp, B, B_scale, B_zp, C_scale, C_zp.</summary>
    public static void QLinearAdd(OnnxNode node, ImportContext context) => Binary(node, context, "Add", ElementwiseImport.Add);

    public static void QLinearMul(OnnxNode node, ImportContext context) => Binary(node, context, "Mul", ElementwiseImport.Mul);

    private static void Binary(OnnxNode node, ImportContext context, string op, Action<OnnxNode, ImportContext> import)
    {
        string Operand(int at) => context.TryConst(node.Inputs[at]) is not null ? Dequantized(node, context, at, at + 1, at + 2, axis: -1) : Activation(node, context, at, at + 1, at + 2);
        Float(node, context, op, [Operand(0), Operand(3)], 6, 7, import);
    }

    /// <summary>Unary QLinear ops (com.microsoft): X, X_scale, X_zp, Y_scale, Y_zp.</summary>
    public static void QLinearUnary(OnnxNode node, ImportContext context)
    {
        var (op, import) = node.OpType switch
        {
            "QLinearSigmoid" => ("Sigmoid", (Action<OnnxNode, ImportContext>)ActivationImport.Sigmoid),
            "QLinearLeakyRelu" => ("LeakyRelu", ActivationImport.LeakyRelu),
            "QLinearGlobalAveragePool" => ("GlobalAveragePool", PoolImport.GlobalAveragePool),
            "QLinearAveragePool" => ("AveragePool", PoolImport.AveragePool),
            "QLinearSoftmax" => ("Softmax", ActivationImport.Softmax),
            _ => throw node.Fail("is not a unary QLinear op"),
        };
        if (node.Int("channels_last", 0) != 0) throw node.Fail("channels_last=1 is not supported");
        Float(node, context, op, [Activation(node, context, 0, 1, 2)], 3, 4, import);
    }

    /// <summary>com.microsoft QLinearConcat: Y_scale, Y_zp, then (X, X_scale, X_zp) per input.</summary>
    public static void QLinearConcat(OnnxNode node, ImportContext context)
    {
        var inputs = new List<string>();
        for (int at = 2; at < node.Inputs.Count; at += 3) inputs.Add(Activation(node, context, at, at + 1, at + 2));
        Float(node, context, "Concat", inputs, 0, 1, LayoutImport.Concat);
    }

    /// <summary>Runs the float op's importer on a node with the real-valued inputs, then pins its output.</summary>
    private static void Float(OnnxNode node, ImportContext context, string op, IReadOnlyList<string> inputs, int scaleAt, int zeroAt, Action<OnnxNode, ImportContext> import)
    {
        var proto = new Node { Name = node.Proto.Name, OpType = op };
        proto.Input.AddRange(inputs);
        proto.Output.Add(node.Outputs[0]);
        proto.Attribute.AddRange(node.Proto.Attribute.Where(a => a.Name is not ("channels_last")));
        import(new OnnxNode(proto, 0), context);
        if (scaleAt < 0) return;
        var (scale, zero, unsigned) = Parameters(node, context, scaleAt, zeroAt, perTensor: true);
        var output = context.Tensor(new OnnxNode(new Node { Name = node.Proto.Name, OpType = op, Input = { node.Outputs[0] } }, 0), 0);
        context.Define(node.Outputs[0], new TensorValue(Pin(node, context, output, scale[0], zero[0], unsigned, node.Outputs[0])));
    }

    /// <summary>A quantised activation input (x, its scale, its zero point): its real tensor with the quantisation pinned; returns its name.</summary>
    private static string Activation(OnnxNode node, ImportContext context, int at, int scaleAt, int zeroAt)
    {
        var (scale, zero, unsigned) = Parameters(node, context, scaleAt, zeroAt, perTensor: true);
        var tensor = Pin(node, context, context.Tensor(node, at), scale[0], zero[0], unsigned, node.Inputs[at]);
        string name = $"{node.Inputs[at]}@{node.Name}";
        context.Define(name, new TensorValue(tensor));
        return name;
    }

    /// <summary>Stored integers with their scale and zero point as a dequantised constant that remembers them; returns its name.</summary>
    private static string Dequantized(OnnxNode node, ImportContext context, int at, int scaleAt, int zeroAt, int axis)
    {
        var q = context.Const(node, at, "quantised constant");
        var scale = context.Const(node, scaleAt, "scale").Values;
        var zero = zeroAt < node.Inputs.Count && node.Inputs[zeroAt].Length > 0 ? context.Const(node, zeroAt, "zero point").Values : new double[scale.Length];
        if (zero.Length == 1 && scale.Length > 1) zero = Enumerable.Repeat(zero[0], scale.Length).ToArray();
        bool perAxis = scale.Length > 1;
        if (perAxis && (axis < 0 || scale.Length != q.Shape[axis])) throw node.Fail($"{scale.Length} scales do not match the constant [{string.Join(",", q.Shape)}]");
        int inner = perAxis ? q.Shape.Skip(axis + 1).Aggregate(1, (a, b) => a * b) : 1;
        var real = q.Values.Select((v, i) => (v - zero[perAxis ? i / inner % scale.Length : 0]) * (float)scale[perAxis ? i / inner % scale.Length : 0]).ToArray();
        string name = $"{node.Inputs[at]}@{node.Name}";
        context.Define(name, new ConstValue(new ConstTensor(q.Shape, real)
        {
            Quantized = new QuantizedConst(q.Values, scale, zero, perAxis ? axis : -1, q.ElementType == Tensor.Types.ElementType.Uint8),
        }));
        return name;
    }

    /// <summary>An int32 bias at scale x_scale·w_scale[c] as real values; returns its name.</summary>
    private static string Bias(OnnxNode node, ImportContext context, int at, string xScale, string wScale)
    {
        var q = context.Const(node, at, "bias");
        double xs = (float)context.TryConst(xScale)!.Values[0];
        var ws = context.TryConst(wScale)!.Values;
        var real = q.Values.Select((v, c) => v * (float)(xs * ws[ws.Length > 1 ? c : 0])).ToArray();
        string name = $"{node.Inputs[at]}@{node.Name}";
        context.Define(name, new ConstValue(new ConstTensor(q.Shape, real)));
        return name;
    }

    /// <summary>Scale, zero point and signedness; a missing zero point is uint8 0, ONNX's default.</summary>
    private static (double[] Scale, double[] ZeroPoint, bool Unsigned) Parameters(OnnxNode node, ImportContext context, int scaleAt, int zeroAt, bool perTensor)
    {
        var scale = context.Const(node, scaleAt, "scale").Values;
        var zeroConst = zeroAt < node.Inputs.Count && node.Inputs[zeroAt].Length > 0 ? context.Const(node, zeroAt, "zero point") : null;
        var zero = zeroConst?.Values ?? new double[scale.Length];
        bool unsigned = zeroConst is null || zeroConst.ElementType == Tensor.Types.ElementType.Uint8;
        if (zeroConst is not null && zeroConst.ElementType is not (Tensor.Types.ElementType.Uint8 or Tensor.Types.ElementType.Int8))
            throw node.Fail($"zero point of type {zeroConst.ElementType}: edge runs int8 and uint8 quantisation");
        if (perTensor && scale.Length != 1) throw node.Fail("a per-axis quantisation of an activation is not supported (one scale per tensor)");
        if (scale.Any(s => !(s > 0) || !double.IsFinite(s))) throw node.Fail("a scale that is not positive and finite");
        return (scale, zero, unsigned);
    }

    /// <summary>
    /// Pins the tensor's quantisation (int8 terms); when it already has another, the value passes
    /// through a requantising copy whose output carries the new one.
    /// </summary>
    private static GraphTensor Pin(OnnxNode node, ImportContext context, GraphTensor tensor, double scale, double zeroPoint, bool unsigned, string name)
    {
        var q = new AffineQuantization((float)scale, (int)zeroPoint - (unsigned ? 128 : 0));
        if (tensor.Pinned is null)
        {
            tensor.Pinned = q;
            return tensor;
        }
        if (tensor.Pinned == q) return tensor;
        var copy = new GraphTensor(name, tensor.Shape) { Pinned = q, IsOnnxValue = false };
        context.Add(new StridedCopyOp(node.Name + "/requantise", node.OpType, tensor, copy, [1, 1, 1, tensor.ElementCount], 0, [0, 0, 0, 1]));
        return copy;
    }
}
