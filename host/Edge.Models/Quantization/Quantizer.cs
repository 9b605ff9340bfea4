using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Models.Format;
using Edge.Models.Graph;
using Edge.Models.Import;
using Edge.Models.Quantization.Lowering;

namespace Edge.Models.Quantization;

/// <summary>
/// Quantises a calibrated float graph into a <see cref="ModelImage"/>: chooses every tensor's
/// int8 quantisation, lowers each op to its kernel's parameters, and plans the arena.
/// </summary>
public static class Quantizer
{
    public static ModelImage Quantize(ModelGraph graph, TensorRanges ranges, Calibration calibration = Calibration.Mse)
    {
        var image = new ModelImage();
        var context = new LoweringContext(image, ranges, tensor => Range(graph, ranges, tensor, calibration));
        foreach (var input in graph.Inputs) AddInput(graph, input, context);
        var inPlace = new List<bool>();
        var scratch = new List<int>();
        foreach (var op in graph.Ops)
        {
            int before = image.Ops.Count;
            switch (op)
            {
                case FullyConnectedOp fc: LinearLowering.FullyConnected(fc, context); break;
                case Conv1DOp conv: LinearLowering.Conv1D(conv, context); break;
                case Pool1DOp pool: ElementwiseLowering.Pool(pool, context); break;
                case ClampOp clamp: ElementwiseLowering.Clamp(clamp, context); break;
                case ReshapeOp reshape: ElementwiseLowering.Reshape(reshape, context); break;
                case BinaryOp binary: ElementwiseLowering.Binary(binary, context); break;
                case UnaryFunctionOp function: TableLowering.Function(function, context); break;
                case SoftmaxOp softmax: TableLowering.Softmax(softmax, context); break;
                case TreeEnsembleOp tree: TreeLowering.TreeEnsemble(tree, context); break;
                case Conv2DOp conv: LinearLowering.Conv2D(conv, context); break;
                case MatMulOp matMul: LinearLowering.MatMul(matMul, context); break;
                case Pool2DOp pool: LayoutLowering.Pool(pool, context); break;
                case PadOp pad: LayoutLowering.Pad(pad, context); break;
                case StridedCopyOp copy: LayoutLowering.StridedCopy(copy, context); break;
                case ConcatOp concat: LayoutLowering.Concat(concat, context); break;
                case ReduceOp reduce: ReduceLowering.Reduce(reduce, context); break;
                case ArgMaxOp argMax: ReduceLowering.ArgMax(argMax, context); break;
                case PReluOp prelu: ElementwiseLowering.PRelu(prelu, context); break;
                case RecurrentOp recurrent: RecurrentLowering.Recurrent(recurrent, context); break;
                default: throw new ModelImportException($"op {op.Kind} '{op.Name}' has no int8 kernel");
            }
            // One graph op may lower to several kernel ops (a Concat: one copy per input); the planner counts kernel ops.
            for (int k = before; k < image.Ops.Count; k++)
            {
                inPlace.Add(op is ClampOp or ReshapeOp or UnaryFunctionOp);
                scratch.Add(op switch { TreeEnsembleOp t => t.TargetCount, RecurrentOp r => RecurrentLowering.Scratch(r), _ => 0 });
            }
        }
        foreach (var (_, tensor) in graph.Outputs) image.Outputs.Add(context.Index(tensor));
        int scratchAt = MemoryPlanner.Plan(image, inPlace, scratch);
        foreach (var entry in image.Ops.Where(o => o.Code == OpCode.TreeEnsemble)) entry.Parameters[TreeEnsembleInt8.AccumulatorsAt] = scratchAt;
        foreach (var entry in image.Ops.Where(o => o.Code is OpCode.Gru or OpCode.Lstm)) entry.Parameters[RecurrentLowering.StateParameter(entry.Code)] = scratchAt;
        return image;
    }

    /// <summary>The calibrated range, narrowed where the only reader is a saturating table (see <see cref="SaturationRange"/>).</summary>
    private static (double Min, double Max) Range(ModelGraph graph, TensorRanges ranges, GraphTensor tensor, Calibration calibration)
    {
        var range = calibration == Calibration.Mse ? ranges.Clipped(tensor) : ranges.Of(tensor);
        var consumers = graph.Ops.Where(o => o.Inputs.Contains(tensor)).ToList();
        bool isOutput = graph.Outputs.Any(o => o.Tensor == tensor);
        if (!isOutput && consumers is [UnaryFunctionOp table] && TableLowering.FixedOutput(table) is { } output)
            return SaturationRange.Clip(range, table, output);
        return range;
    }

    /// <summary>
    /// An input feeding only tree ensembles takes float32 keys. One feeding a single fully connected
    /// op is quantised per feature, each over its own calibrated range (features whose scales differ
    /// by orders of magnitude keep their resolution; the op absorbs the scales). Any other is
    /// quantised per tensor. Folded affine maps go into the quantiser's coefficients either way.
    /// </summary>
    private static void AddInput(ModelGraph graph, GraphInput input, LoweringContext context)
    {
        var tensor = input.Tensor;
        var consumers = graph.Ops.Where(o => o.Inputs.Contains(tensor)).ToList();
        var image = context.Image;
        if (input.IsFloatKey)
        {
            if (consumers.Any(c => c is not TreeEnsembleOp))
                throw new ModelImportException($"input '{input.OnnxName}' feeds both tree ensembles (float32) and int8 ops; edge converts one or the other");
            int index = context.AddTensor(tensor, TensorType.Float32Key, new AffineQuantization(1f, 0));
            image.Inputs.Add(new InputEntry(index, 0, 1, [], []));
            return;
        }
        var a = new float[input.Channels];
        var b = new float[input.Channels];
        if (consumers is [FullyConnectedOp { Rows: 1, Pinned: null } fc] && tensor.Pinned is null && tensor.Shape.Length == 2 && fc.InFeatures == input.Channels)
        {
            var (mins, maxs) = context.Ranges.PerChannel(tensor);
            var scales = new double[input.Channels];
            var zeroPoints = new int[input.Channels];
            for (int c = 0; c < input.Channels; c++)
            {
                var q = AffineQuantization.FromRange(mins[c], maxs[c], includeZero: false);
                scales[c] = q.Scale;
                zeroPoints[c] = q.ZeroPoint;
                a[c] = (float)(input.A[c] / q.Scale);
                b[c] = (float)(input.B[c] / q.Scale + q.ZeroPoint);
            }
            int index = context.AddTensor(tensor, TensorType.Int8, new AffineQuantization(1f, 0));
            context.SetPerFeature(tensor, scales, zeroPoints);
            image.Inputs.Add(new InputEntry(index, input.Channels, input.InnerSize, a, b));
            image.Metadata.Add(($"input.{input.OnnxName}.quantisation", "per-feature"));
            return;
        }
        var (min, max) = Range(graph, context.Ranges, tensor, Calibration.MinMax);
        var quantization = tensor.Pinned ?? AffineQuantization.FromRange(min, max);
        for (int c = 0; c < input.Channels; c++)
        {
            a[c] = (float)(input.A[c] / quantization.Scale);
            b[c] = (float)(input.B[c] / quantization.Scale + quantization.ZeroPoint);
        }
        int tensorIndex = context.AddTensor(tensor, TensorType.Int8, quantization);
        image.Inputs.Add(new InputEntry(tensorIndex, input.Channels, input.InnerSize, a, b));
    }
}
