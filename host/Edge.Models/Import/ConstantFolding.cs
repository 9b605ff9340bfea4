using Edge.Models.Onnx;
using Edge.Models.Onnx.Proto;

namespace Edge.Models.Import;

/// <summary>
/// Evaluates nodes whose inputs are all constants at conversion time, as exporters leave them:
/// the shape arithmetic torch writes for padding, reshapes and RNN initial states (Shape,
/// Gather, Unsqueeze, Concat, ConstantOfShape, Slice with step -1, Transpose, Cast, Expand,
/// Range, ...). Shape of an activation is a constant too: every shape is fixed once the batch
/// is 1.
/// </summary>
internal static class ConstantFolding
{
    private static readonly HashSet<string> Foldable = new(StringComparer.Ordinal)
    {
        "Shape", "Size", "ConstantOfShape", "Concat", "Gather", "Unsqueeze", "Squeeze", "Reshape", "Flatten", "Slice", "Transpose",
        "Cast", "Expand", "Range", "Identity", "Neg", "Sqrt", "Floor", "Ceil", "Abs", "Add", "Sub", "Mul", "Div", "Pow", "Min", "Max",
        "Equal", "Less", "Greater", "Where", "Not", "ReduceProd", "ReduceSum", "ReduceMin", "ReduceMax", "Split",
    };

    /// <summary>Folds the node when it can; false leaves it to its importer.</summary>
    public static bool TryFold(OnnxNode node, ImportContext context)
    {
        if (node.Domain is not ("" or "ai.onnx") || !Foldable.Contains(node.OpType)) return false;
        var inputs = node.Inputs.Select(n => n.Length == 0 ? null : context.TryConst(n)).ToList();
        if (node.OpType == "Shape")
        {
            var shape = ImportContext.ShapeOf(context.Value(node, node.Inputs[0]));
            int rank = shape.Length;
            long start = node.Int("start", 0), end = node.Int("end", rank);
            start = Math.Clamp(start < 0 ? start + rank : start, 0, rank);
            end = Math.Clamp(end < 0 ? end + rank : end, 0, rank);
            var dims = shape.Skip((int)start).Take((int)Math.Max(0, end - start)).Select(d => (double)d).ToArray();
            context.Define(node.Outputs[0], new ConstValue(new ConstTensor([dims.Length], dims) { ElementType = Tensor.Types.ElementType.Int64 }));
            context.Folds.Add($"{node.Describe} is the constant [{string.Join(",", dims)}] (batch 1)");
            return true;
        }
        if (node.OpType == "Size")
        {
            var shape = ImportContext.ShapeOf(context.Value(node, node.Inputs[0]));
            context.Define(node.Outputs[0], new ConstValue(new ConstTensor([], [shape.Aggregate(1, (a, b) => a * b)])));
            return true;
        }
        if (node.Inputs.Where((n, i) => n.Length > 0).Any(n => context.TryConst(n) is null)) return false;
        var outputs = Evaluate(node, context, inputs);
        for (int i = 0; i < outputs.Length && i < node.Outputs.Count; i++) context.Define(node.Outputs[i], new ConstValue(outputs[i]));
        return true;
    }

    private static ConstTensor[] Evaluate(OnnxNode node, ImportContext context, List<ConstTensor?> x)
    {
        ConstTensor In(int i) => x[i] ?? throw node.Fail($"input {i} is missing");
        switch (node.OpType)
        {
            case "Identity": return [In(0)];
            case "ConstantOfShape":
                var shape = In(0).Longs.Select(d => checked((int)d)).ToArray();
                double fill = node.TensorAttribute("value") is { } v ? ConstTensor.From(v, node.Describe).Values[0] : 0;
                return [new ConstTensor(shape, Enumerable.Repeat(fill, shape.Aggregate(1, (a, b) => a * b)).ToArray())];
            case "Cast":
                var castTo = (Tensor.Types.ElementType)node.Int("to", 1);
                Func<double, double> cast = castTo switch
                {
                    Tensor.Types.ElementType.Float => d => (float)d,
                    Tensor.Types.ElementType.Double => d => d,
                    Tensor.Types.ElementType.Bool => d => d != 0 ? 1 : 0,
                    _ => d => Math.Truncate(d),
                };
                return [new ConstTensor(In(0).Shape, In(0).Values.Select(cast).ToArray()) { ElementType = castTo }];
            case "Neg": return [Map(In(0), d => -d)];
            case "Sqrt": return [Map(In(0), Math.Sqrt)];
            case "Floor": return [Map(In(0), Math.Floor)];
            case "Ceil": return [Map(In(0), Math.Ceiling)];
            case "Abs": return [Map(In(0), Math.Abs)];
            case "Not": return [Map(In(0), d => d == 0 ? 1 : 0)];
            case "Add": return [Broadcast(node, In(0), In(1), (a, b) => a + b)];
            case "Sub": return [Broadcast(node, In(0), In(1), (a, b) => a - b)];
            case "Mul": return [Broadcast(node, In(0), In(1), (a, b) => a * b)];
            case "Div":
                bool integer = In(0).ElementType is not (Tensor.Types.ElementType.Float or Tensor.Types.ElementType.Double);
                return [Broadcast(node, In(0), In(1), (a, b) => integer ? Math.Truncate(a / b) : a / b)];
            case "Pow": return [Broadcast(node, In(0), In(1), Math.Pow)];
            case "Min": return [x.Skip(1).Aggregate(In(0), (a, b) => Broadcast(node, a, b!, Math.Min))];
            case "Max": return [x.Skip(1).Aggregate(In(0), (a, b) => Broadcast(node, a, b!, Math.Max))];
            case "Equal": return [Broadcast(node, In(0), In(1), (a, b) => a == b ? 1 : 0)];
            case "Less": return [Broadcast(node, In(0), In(1), (a, b) => a < b ? 1 : 0)];
            case "Greater": return [Broadcast(node, In(0), In(1), (a, b) => a > b ? 1 : 0)];
            case "Where":
            {
                var shape3 = Broadcast(node, Broadcast(node, In(0), In(1), (c, a) => 0), In(2), (c, a) => 0).Shape;
                var zeros = new ConstTensor(shape3, new double[shape3.Aggregate(1, (p, q) => p * q)]);
                var condition = Broadcast(node, In(0), zeros, (c, z) => c);
                var left = Broadcast(node, In(1), zeros, (c, z) => c);
                var right = Broadcast(node, In(2), zeros, (c, z) => c);
                return [new ConstTensor(shape3, condition.Values.Select((c, i) => c != 0 ? left.Values[i] : right.Values[i]).ToArray()) { ElementType = In(1).ElementType }];
            }
            case "Range":
                double start = In(0).Values[0], limit = In(1).Values[0], delta = In(2).Values[0];
                int count = (int)Math.Max(0, Math.Ceiling((limit - start) / delta));
                return [new ConstTensor([count], Enumerable.Range(0, count).Select(i => start + i * delta).ToArray()) { ElementType = In(0).ElementType }];
            case "Concat":
                var parts = x.Where(t => t is not null).Select(t => t!).ToList();
                int rank = parts[0].Shape.Length;
                return [Concat(parts, Axis(node, node.Int("axis", 0), rank))];
            case "Gather":
                return [Gather(node, In(0), In(1))];
            case "Unsqueeze":
            {
                var axes = node.Inputs.Count > 1 ? In(1).Longs : node.Ints("axes");
                int outRank = In(0).Shape.Length + axes.Length;
                var dims = In(0).Shape.ToList();
                foreach (int a in axes.Select(a => Axis(node, a, outRank)).Order()) dims.Insert(a, 1);
                return [Reshaped(In(0), dims.ToArray())];
            }
            case "Squeeze":
            {
                var axes = (node.Inputs.Count > 1 && x[1] is not null ? In(1).Longs : node.Ints("axes")).Select(a => Axis(node, a, In(0).Shape.Length)).ToHashSet();
                return [Reshaped(In(0), In(0).Shape.Where((d, i) => axes.Count == 0 ? d != 1 : !axes.Contains(i)).ToArray())];
            }
            case "Flatten":
            {
                int a = Axis(node, node.Int("axis", 1), In(0).Shape.Length + 1);
                int outer = In(0).Shape.Take(a).Aggregate(1, (p, q) => p * q);
                return [Reshaped(In(0), [outer, In(0).Values.Length / Math.Max(outer, 1)])];
            }
            case "Reshape":
                return [Reshaped(In(0), ShapeImport.Target(node, In(0).Shape, In(1).Longs, In(0).Values.Length))];
            case "Expand":
                var target = In(1).Longs.Select(d => (int)d).ToArray();
                return [Broadcast(node, In(0), new ConstTensor(target, new double[target.Aggregate(1, (a, b) => a * b)]), (a, b) => a)];
            case "Transpose":
            {
                var t = In(0);
                var perm = node.Has("perm") ? node.Ints("perm").Select(p => (int)p).ToArray() : Enumerable.Range(0, t.Shape.Length).Reverse().ToArray();
                var dims = perm.Select(p => t.Shape[p]).ToArray();
                var strides = Graph.Shape4.Strides(t.Shape);
                var values = new double[t.Values.Length];
                var index = new int[dims.Length];
                for (int i = 0; i < values.Length; i++)
                {
                    int from = 0;
                    for (int k = 0; k < dims.Length; k++) from += index[k] * strides[perm[k]];
                    values[i] = t.Values[from];
                    Next(index, dims);
                }
                return [new ConstTensor(dims, values) { ElementType = t.ElementType }];
            }
            case "Slice":
            {
                var t = In(0);
                var spec = SliceSpec.Resolve(node, context, t.Shape);
                var dims = spec.Select(s => s.Count).ToArray();
                var strides = Graph.Shape4.Strides(t.Shape);
                var values = new double[dims.Aggregate(1, (a, b) => a * b)];
                var index = new int[dims.Length];
                for (int i = 0; i < values.Length; i++)
                {
                    int from = 0;
                    for (int k = 0; k < dims.Length; k++) from += (spec[k].Start + index[k] * spec[k].Step) * strides[k];
                    values[i] = t.Values[from];
                    Next(index, dims);
                }
                return [new ConstTensor(dims, values) { ElementType = t.ElementType }];
            }
            case "Split":
            {
                var t = In(0);
                int splitAxis = Axis(node, node.Int("axis", 0), t.Shape.Length);
                var sizes = SplitSizes(node, context, t.Shape[splitAxis]);
                var result = new ConstTensor[sizes.Length];
                int at = 0;
                for (int k = 0; k < sizes.Length; k++)
                {
                    var dims = (int[])t.Shape.Clone();
                    dims[splitAxis] = sizes[k];
                    int outer = t.Shape.Take(splitAxis).Aggregate(1, (a, b) => a * b), inner = t.Shape.Skip(splitAxis + 1).Aggregate(1, (a, b) => a * b);
                    var values = new List<double>();
                    for (int o = 0; o < outer; o++) values.AddRange(t.Values.Skip((o * t.Shape[splitAxis] + at) * inner).Take(sizes[k] * inner));
                    result[k] = new ConstTensor(dims, values.ToArray()) { ElementType = t.ElementType };
                    at += sizes[k];
                }
                return result;
            }
            case "ReduceProd":
            case "ReduceSum":
            case "ReduceMin":
            case "ReduceMax":
            {
                var t = In(0);
                var axes = (node.Inputs.Count > 1 && x[1] is not null ? In(1).Longs : node.Ints("axes")).Select(a => Axis(node, a, t.Shape.Length)).ToHashSet();
                if (axes.Count == 0) axes = Enumerable.Range(0, t.Shape.Length).ToHashSet();
                bool keep = node.Int("keepdims", 1) != 0;
                Func<double, double, double> f = node.OpType switch { "ReduceProd" => (a, b) => a * b, "ReduceSum" => (a, b) => a + b, "ReduceMin" => Math.Min, _ => Math.Max };
                var outDims = t.Shape.Select((d, i) => axes.Contains(i) ? 1 : d).ToArray();
                var sums = new double?[outDims.Aggregate(1, (a, b) => a * b)];
                var index = new int[t.Shape.Length];
                var outStrides = Graph.Shape4.Strides(outDims);
                for (int i = 0; i < t.Values.Length; i++)
                {
                    int slot = 0;
                    for (int k = 0; k < index.Length; k++) if (!axes.Contains(k)) slot += index[k] * outStrides[k];
                    sums[slot] = sums[slot] is { } s ? f(s, t.Values[i]) : t.Values[i];
                    Next(index, t.Shape);
                }
                var finalDims = keep ? outDims : t.Shape.Where((d, i) => !axes.Contains(i)).ToArray();
                return [new ConstTensor(finalDims, sums.Select(s => s ?? 0).ToArray()) { ElementType = t.ElementType }];
            }
            default:
                throw node.Fail("cannot be folded");
        }
    }

    /// <summary>The sizes of a Split's outputs: the 'split' input or attribute, else equal parts (num_outputs or the output count).</summary>
    public static int[] SplitSizes(OnnxNode node, ImportContext context, int length)
    {
        var given = node.Inputs.Count > 1 && node.Inputs[1].Length > 0 ? context.Const(node, 1, "split").Longs : node.Ints("split");
        if (given.Length > 0)
        {
            if (given.Sum() != length) throw node.Fail($"split sizes [{string.Join(",", given)}] do not add up to {length}");
            return given.Select(g => (int)g).ToArray();
        }
        int parts = (int)node.Int("num_outputs", node.Outputs.Count);
        int size = (length + parts - 1) / parts;
        return Enumerable.Range(0, parts).Select(k => Math.Min(size, length - k * size)).ToArray();
    }

    public static int Axis(OnnxNode node, long axis, int rank)
    {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) throw node.Fail($"axis {axis} is outside rank {rank}");
        return (int)a;
    }

    private static void Next(int[] index, int[] dims)
    {
        for (int k = dims.Length - 1; k >= 0; k--)
        {
            if (++index[k] < dims[k]) return;
            index[k] = 0;
        }
    }

    private static ConstTensor Map(ConstTensor t, Func<double, double> f) => new(t.Shape, t.Values.Select(f).ToArray()) { ElementType = t.ElementType };

    private static ConstTensor Reshaped(ConstTensor t, int[] shape) => new(shape, t.Values) { ElementType = t.ElementType, Quantized = t.Quantized };

    /// <summary>Numpy-style broadcasting of two constants.</summary>
    public static ConstTensor Broadcast(OnnxNode node, ConstTensor a, ConstTensor b, Func<double, double, double> f)
    {
        int rank = Math.Max(a.Shape.Length, b.Shape.Length);
        var da = Enumerable.Repeat(1, rank - a.Shape.Length).Concat(a.Shape).ToArray();
        var db = Enumerable.Repeat(1, rank - b.Shape.Length).Concat(b.Shape).ToArray();
        var dims = new int[rank];
        for (int k = 0; k < rank; k++)
        {
            if (da[k] != db[k] && da[k] != 1 && db[k] != 1) throw node.Fail($"constants of shapes [{string.Join(",", a.Shape)}] and [{string.Join(",", b.Shape)}] do not broadcast");
            dims[k] = Math.Max(da[k], db[k]);
        }
        var sa = Graph.Shape4.Strides(da);
        var sb = Graph.Shape4.Strides(db);
        var values = new double[dims.Aggregate(1, (p, q) => p * q)];
        var index = new int[rank];
        for (int i = 0; i < values.Length; i++)
        {
            int ia = 0, ib = 0;
            for (int k = 0; k < rank; k++)
            {
                if (da[k] > 1) ia += index[k] * sa[k];
                if (db[k] > 1) ib += index[k] * sb[k];
            }
            values[i] = f(a.Values[ia], b.Values[ib]);
            Next(index, dims);
        }
        return new ConstTensor(dims, values) { ElementType = a.ElementType };
    }

    private static ConstTensor Concat(List<ConstTensor> parts, int axis)
    {
        var dims = (int[])parts[0].Shape.Clone();
        dims[axis] = parts.Sum(p => p.Shape[axis]);
        int outer = dims.Take(axis).Aggregate(1, (a, b) => a * b);
        var values = new List<double>();
        for (int o = 0; o < outer; o++)
        foreach (var p in parts)
        {
            int block = p.Values.Length / Math.Max(outer, 1);
            values.AddRange(p.Values.Skip(o * block).Take(block));
        }
        return new ConstTensor(dims, values.ToArray()) { ElementType = parts[0].ElementType };
    }

    private static ConstTensor Gather(OnnxNode node, ConstTensor data, ConstTensor indices)
    {
        int axis = Axis(node, node.Int("axis", 0), data.Shape.Length);
        int n = data.Shape[axis];
        int outer = data.Shape.Take(axis).Aggregate(1, (a, b) => a * b), inner = data.Shape.Skip(axis + 1).Aggregate(1, (a, b) => a * b);
        var values = new List<double>();
        for (int o = 0; o < outer; o++)
        foreach (var raw in indices.Longs)
        {
            long i = raw < 0 ? raw + n : raw;
            if (i < 0 || i >= n) throw node.Fail($"index {raw} is outside [0, {n})");
            values.AddRange(data.Values.Skip((int)((o * n + i) * inner)).Take(inner));
        }
        var dims = data.Shape.Take(axis).Concat(indices.Shape).Concat(data.Shape.Skip(axis + 1)).ToArray();
        return new ConstTensor(dims, values.ToArray()) { ElementType = data.ElementType };
    }
}
