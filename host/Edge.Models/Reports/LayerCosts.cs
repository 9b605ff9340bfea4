using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Models.Format;
using Edge.Models.Import;
using Edge.Models.Quantization;
using Edge.Targets.Heap;

namespace Edge.Models.Reports;

/// <summary>
/// One board op's cost: multiply-accumulates per inference, the constant bytes it reads (int8
/// weights and tables, int32 biases, multipliers, shifts, tree nodes; a constant two ops share is
/// counted at the first), and the arena bytes live while it runs (every tensor written before it
/// and read at or after it, graph inputs from the start, graph outputs to the end, plus its int32
/// scratch).
/// </summary>
public sealed record LayerCost(int Index, string Op, string Name, long Macs, int ParameterBytes, int LiveArenaBytes);

/// <summary>
/// Per-layer costs of a converted model, read from the .edgem alone (kernel parameters and tensor
/// shapes), with totals: the MACs add up to the converter's count, the parameter bytes to the
/// weights and int32 sections, and the arena is what the interpreter allocates, priced as
/// nanoCLR's heap holds its two arrays (<see cref="NanoClrHeap"/>, the board memory model of
/// Edge.Targets).
/// </summary>
public sealed record LayerCosts(IReadOnlyList<LayerCost> Layers, long Macs, int ParameterBytes, int ArenaBytes, int PeakLiveArenaBytes, int ArenaHeapBytes, string? Note)
{
    public static LayerCosts Of(EdgeModel model, string? note = null)
    {
        var ops = model.Operations;
        var tensors = model.Tensors;
        var first = Enumerable.Repeat(int.MaxValue, tensors.Length).ToArray();
        var last = Enumerable.Repeat(-1, tensors.Length).ToArray();
        foreach (var input in model.Inputs) first[input.Tensor] = -1;
        for (int i = 0; i < ops.Length; i++)
        {
            foreach (int t in ops[i].Inputs) last[t] = Math.Max(last[t], i);
            foreach (int t in ops[i].Outputs) first[t] = Math.Min(first[t], i);
        }
        foreach (int t in model.Outputs) last[t] = ops.Length;
        var seen = new HashSet<(bool, int)>();
        var layers = new List<LayerCost>(ops.Length);
        for (int i = 0; i < ops.Length; i++)
        {
            var (macs, regions, scratch) = Kernel(ops[i]);
            int parameterBytes = 0;
            foreach (var (ints, at, count) in regions)
                if (count > 0 && seen.Add((ints, at))) parameterBytes += count * (ints ? 4 : 1);
            // Bytes of the arena in use: the union of the live tensors' places (an op that writes over its dying input counts once).
            var places8 = new List<(int, int)>();
            var places32 = new List<(int, int)>();
            for (int t = 0; t < tensors.Length; t++)
                if (first[t] <= i && last[t] >= i)
                    (tensors[t].Type == TensorType.Int8 ? places8 : places32).Add((tensors[t].ArenaOffset, tensors[t].ArenaOffset + tensors[t].ElementCount));
            if (scratch > 0) places32.Add((ScratchAt(ops[i]), ScratchAt(ops[i]) + scratch / 4));
            int live = Union(places8) + 4 * Union(places32);
            layers.Add(new LayerCost(i, OpCode.Name(ops[i].Code), ops[i].Name, macs, parameterBytes, live));
        }
        int heap = NanoClrHeap.ArrayBytes(model.Arena8Length, 1) + NanoClrHeap.ArrayBytes(model.Arena32Length, 4);
        return new LayerCosts(layers, layers.Sum(l => l.Macs), layers.Sum(l => l.ParameterBytes), model.ArenaBytes,
            layers.Count == 0 ? 0 : layers.Max(l => l.LiveArenaBytes), heap, note);
    }

    public void WriteText(TextWriter w)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        if (Note is not null) w.WriteLine($"per layer ({Note})");
        var table = new TextTable("#", "op", "node", "MACs", "param B", "arena B live");
        foreach (var l in Layers) table.Add(l.Index.ToString(c), l.Op, l.Name, l.Macs.ToString("N0", c), l.ParameterBytes.ToString("N0", c), l.LiveArenaBytes.ToString("N0", c));
        table.Add("", "total", "", Macs.ToString("N0", c), ParameterBytes.ToString("N0", c), $"{ArenaBytes.ToString("N0", c)} planned");
        table.Write(w);
        w.WriteLine($"arena         {ArenaBytes.ToString("N0", c)} B planned (peak live {PeakLiveArenaBytes.ToString("N0", c)} B), {ArenaHeapBytes.ToString("N0", c)} B of nanoCLR heap with its array headers (Edge.Targets' memory model)");
    }

    /// <summary>
    /// Before conversion: the ONNX model converted on two synthetic rows (every input value +1, then
    /// -1) with min/max ranges, without writing anything. Shapes, weights and the arena plan do not
    /// depend on the ranges; a Concat whose inputs' scales happen to differ gets requantising copies
    /// with real data, so the op list can differ there.
    /// </summary>
    public static LayerCosts Estimate(string onnxPath)
    {
        var graph = OnnxImporter.Import(onnxPath);
        int width = graph.RowLength;
        float[][] rows = [Enumerable.Repeat(1f, width).ToArray(), Enumerable.Repeat(-1f, width).ToArray()];
        var image = Quantizer.Quantize(graph, TensorRanges.Calibrate(graph, rows), Calibration.MinMax);
        var model = ModelReader.Read(EdgeModelWriter.Write(image));
        return Of(model, "before conversion: converted on synthetic ranges (the op list can differ at a Concat of differently scaled inputs)");
    }

    private static int ScratchAt(Operation op) => op.Code switch
    {
        OpCode.Gru => op.Parameters[GruInt8.StateAt],
        OpCode.Lstm => op.Parameters[LstmInt8.StateAt],
        OpCode.TreeEnsemble => op.Parameters[TreeEnsembleInt8.AccumulatorsAt],
        _ => 0,
    };

    private static int Union(List<(int Start, int End)> places)
    {
        places.Sort();
        int total = 0, end = int.MinValue;
        foreach (var (start, stop) in places)
        {
            if (stop <= end) continue;
            total += stop - Math.Max(start, end);
            end = stop;
        }
        return total;
    }

    /// <summary>MACs, constant regions (int32 section?, offset, elements) and int32 scratch bytes of one op, from its kernel parameters.</summary>
    private static (long Macs, (bool Ints, int At, int Count)[] Regions, int ScratchBytes) Kernel(Operation op)
    {
        int[] p = op.Parameters;
        switch (op.Code)
        {
            case OpCode.FullyConnected:
            {
                int o = p[FullyConnectedInt8.OutFeatures];
                return ((long)p[FullyConnectedInt8.Rows] * p[FullyConnectedInt8.InFeatures] * o,
                    [(false, p[FullyConnectedInt8.WeightsAt], o * p[FullyConnectedInt8.InFeatures]), (true, p[FullyConnectedInt8.BiasAt], o), (true, p[FullyConnectedInt8.MultipliersAt], o), (true, p[FullyConnectedInt8.ShiftsAt], o)], 0);
            }
            case OpCode.Conv1D:
            {
                int o = p[Conv1DInt8.OutChannels], taps = p[Conv1DInt8.InChannels] * p[Conv1DInt8.Kernel];
                return ((long)o * p[Conv1DInt8.OutLength] * taps,
                    [(false, p[Conv1DInt8.WeightsAt], o * taps), (true, p[Conv1DInt8.BiasAt], o), (true, p[Conv1DInt8.MultipliersAt], o), (true, p[Conv1DInt8.ShiftsAt], o)], 0);
            }
            case OpCode.Conv2D:
            {
                int o = p[Conv2DInt8.OutChannels];
                int taps = p[Conv2DInt8.InChannels] / p[Conv2DInt8.Groups] * p[Conv2DInt8.KernelHeight] * p[Conv2DInt8.KernelWidth];
                return ((long)o * p[Conv2DInt8.OutHeight] * p[Conv2DInt8.OutWidth] * taps,
                    [(false, p[Conv2DInt8.WeightsAt], o * taps), (true, p[Conv2DInt8.BiasAt], o), (true, p[Conv2DInt8.MultipliersAt], o), (true, p[Conv2DInt8.ShiftsAt], o)], 0);
            }
            case OpCode.MatMul:
                return ((long)p[MatMulInt8.Batches] * p[MatMulInt8.Rows] * p[MatMulInt8.Depth] * p[MatMulInt8.Columns], [], 0);
            case OpCode.Mul:
                return (p[MulInt8.Count], [], 0);
            case OpCode.LookupTable:
                return (0, [(false, p[LookupTableInt8.TableAt], LookupTableInt8.TableLength)], 0);
            case OpCode.Softmax:
                return (0, [(true, p[SoftmaxInt8.ExpTableAt], SoftmaxInt8.TableLength)], 0);
            case OpCode.PRelu:
            {
                int c = p[PReluInt8.Channels];
                return (0, [(false, p[PReluInt8.AlphaAt], c), (true, p[PReluInt8.NegativeMultipliersAt], c), (true, p[PReluInt8.NegativeShiftsAt], c)], 0);
            }
            case OpCode.Gru:
            {
                int h = p[GruInt8.Hidden], rows = 3 * h, size = p[GruInt8.InputSize];
                return ((long)p[GruInt8.Steps] * rows * (size + h),
                    [(false, p[GruInt8.WeightsAt], rows * size), (false, p[GruInt8.RecurrentAt], rows * h),
                     (true, p[GruInt8.InputMultipliersAt], rows), (true, p[GruInt8.InputShiftsAt], rows), (true, p[GruInt8.RecurrentMultipliersAt], rows), (true, p[GruInt8.RecurrentShiftsAt], rows),
                     (true, p[GruInt8.InputBiasAt], rows), (true, p[GruInt8.RecurrentBiasAt], rows),
                     (true, p[GruInt8.SigmoidTableAt], RecurrentCell.TableLength), (true, p[GruInt8.TanhTableAt], RecurrentCell.TableLength)], 4 * 3 * h);
            }
            case OpCode.Lstm:
            {
                int h = p[LstmInt8.Hidden], rows = 4 * h, size = p[LstmInt8.InputSize];
                return ((long)p[LstmInt8.Steps] * rows * (size + h),
                    [(false, p[LstmInt8.WeightsAt], rows * size), (false, p[LstmInt8.RecurrentAt], rows * h),
                     (true, p[LstmInt8.InputMultipliersAt], rows), (true, p[LstmInt8.InputShiftsAt], rows), (true, p[LstmInt8.RecurrentMultipliersAt], rows), (true, p[LstmInt8.RecurrentShiftsAt], rows),
                     (true, p[LstmInt8.BiasAt], rows), (true, p[LstmInt8.SigmoidTableAt], RecurrentCell.TableLength), (true, p[LstmInt8.TanhTableAt], RecurrentCell.TableLength)], 4 * 3 * h);
            }
            case OpCode.TreeEnsemble:
                return (0,
                    [(true, p[TreeEnsembleInt8.RootsAt], p[TreeEnsembleInt8.TreeCount]), (true, p[TreeEnsembleInt8.NodesAt], p[TreeEnsembleInt8.NodeCount] * TreeEnsembleInt8.NodeInts),
                     (true, p[TreeEnsembleInt8.LeafWeightsAt], 2 * p[TreeEnsembleInt8.LeafWeightCount]), (true, p[TreeEnsembleInt8.BaseValuesAt], p[TreeEnsembleInt8.TargetCount])],
                    4 * p[TreeEnsembleInt8.TargetCount]);
            default:
                return (0, [], 0);
        }
    }
}
