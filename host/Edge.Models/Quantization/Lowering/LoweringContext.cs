using Edge.Device.Model;
using Edge.Models.Format;
using Edge.Models.Graph;

namespace Edge.Models.Quantization.Lowering;

/// <summary>The quantiser's state while it lowers float ops to kernel parameters: tensor indices, quantisations, the image being filled.</summary>
internal sealed class LoweringContext(ModelImage image, TensorRanges ranges, Func<GraphTensor, (double Min, double Max)> range)
{
    private readonly Dictionary<GraphTensor, int> _index = new();
    private readonly Dictionary<GraphTensor, AffineQuantization> _quantization = new();
    private readonly Dictionary<GraphTensor, (double[] Scale, int[] ZeroPoint)> _perFeature = new();

    public ModelImage Image { get; } = image;

    public TensorRanges Ranges { get; } = ranges;

    public int Index(GraphTensor tensor) => _index[tensor];

    public AffineQuantization Quantization(GraphTensor tensor) => _quantization[tensor];

    /// <summary>Per-feature scales and zero points of a graph input the converter quantises feature by feature, or null.</summary>
    public (double[] Scale, int[] ZeroPoint)? PerFeature(GraphTensor tensor) => _perFeature.TryGetValue(tensor, out var q) ? q : null;

    public int AddTensor(GraphTensor tensor, int type, AffineQuantization quantization)
    {
        _quantization[tensor] = quantization;
        _index[tensor] = Image.Tensors.Count;
        Image.Tensors.Add(new TensorEntry(tensor.Name, type, tensor.Shape, quantization.Scale, quantization.ZeroPoint));
        return _index[tensor];
    }

    public void SetPerFeature(GraphTensor tensor, double[] scale, int[] zeroPoint) => _perFeature[tensor] = (scale, zeroPoint);

    /// <summary>An int8 output tensor quantised over its calibrated range, or as a pre-quantised model pinned it.</summary>
    public int AddCalibrated(GraphTensor tensor)
    {
        if (tensor.Pinned is { } pinned) return AddTensor(tensor, TensorType.Int8, pinned);
        var (min, max) = range(tensor);
        return AddTensor(tensor, TensorType.Int8, AffineQuantization.FromRange(min, max));
    }

    /// <summary>An output that keeps its first input's quantisation (pooling, padding, copies, reshapes).</summary>
    public AffineQuantization SameAsInput(GraphOp op)
    {
        var q = Quantization(op.Inputs[0]);
        AddTensor(op.Output, TensorType.Int8, q);
        return q;
    }

    public OpEntry Op(int code, GraphOp op, int[] parameters) =>
        new(code, op.Name, op.Inputs.Select(Index).ToArray(), [Index(op.Output)], parameters);

    /// <summary>TFLM's activation range: the fused clamp's bounds in the output's quantisation (float32 arithmetic), within int8.</summary>
    public static (int Min, int Max) Bounds(Activation activation, AffineQuantization q)
    {
        int min = -128, max = 127;
        if (!double.IsNegativeInfinity(activation.Min)) min = Math.Max(min, q.ZeroPoint + Round((float)activation.Min / q.Scale));
        if (!double.IsPositiveInfinity(activation.Max)) max = Math.Min(max, q.ZeroPoint + Round((float)activation.Max / q.Scale));
        if (min > max) min = max;
        return (min, max);
    }

    private static int Round(float v) => (int)Math.Clamp(MathF.Round(v, MidpointRounding.AwayFromZero), -1e9f, 1e9f);

    /// <summary>round(value) half away from zero as int32, failing when it does not fit.</summary>
    public static int ToInt32(double value, GraphOp op, string what) =>
        Math.Abs(value) < int.MaxValue ? (int)Math.Round(value, MidpointRounding.AwayFromZero)
            : throw new Import.ModelImportException($"op {op.Kind} '{op.Name}': {what} {value:G4} does not fit int32 after quantisation");
}
