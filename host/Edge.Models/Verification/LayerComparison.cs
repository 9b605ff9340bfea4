using Edge.Device.Model;
using Edge.Models.Onnx;
using Edge.Models.Onnx.Proto;
using Google.Protobuf;

namespace Edge.Models.Verification;

/// <summary>
/// One board op's output against ONNX Runtime's value of the same name (the way ST's validate
/// compares layer by layer): errors over all rows, in the output's real units. An op whose output
/// edge made itself (a requantising copy, a transpose around a softmax) has no ONNX counterpart;
/// its reference is null.
/// </summary>
public sealed record LayerError(int Index, string Kind, string Op, string Tensor, int Elements, bool Compared, double MaxAbsError, double Rmse, double Cosine, double ReferenceRms);

/// <summary>Runs the device engine op by op and ONNX Runtime with every matching intermediate value as an extra output.</summary>
public static class LayerComparison
{
    public static IReadOnlyList<LayerError> Compare(DeviceEngine engine, string onnxPath, string inputName, int[] inputShape, IReadOnlyList<float[]> rows)
    {
        var model = engine.Interpreter.Model;
        var onnx = OnnxModelFile.Load(onnxPath);
        var produced = onnx.Graph.Node.SelectMany(n => n.Output).Where(o => o.Length > 0).ToHashSet(StringComparer.Ordinal);
        var ops = model.Operations;
        var names = ops.Select(o => model.Tensors[o.Outputs[0]].Name).ToArray();
        // ArgMax writes int64 in ONNX; its index is compared by the output check, not here.
        var wanted = names.Where((n, i) => produced.Contains(n) && ops[i].Code != OpCode.ArgMax).Distinct().ToList();
        var reference = wanted.Count == 0 ? [] : RunWithOutputs(onnx, onnxPath, inputName, inputShape, wanted, rows);

        var stats = new Accumulator[ops.Length];
        for (int i = 0; i < ops.Length; i++) stats[i] = new Accumulator();
        var buffer = new float[model.Tensors.Max(t => t.ElementCount)];
        for (int r = 0; r < rows.Count; r++)
        {
            engine.Load(rows[r]);
            for (int i = 0; i < ops.Length; i++)
            {
                engine.Interpreter.Run(i, i + 1);
                int k = wanted.IndexOf(names[i]);
                if (k < 0) continue;
                var expected = reference[k][r];
                var tensor = model.Tensors[ops[i].Outputs[0]];
                if (expected.Length != tensor.ElementCount || tensor.Type != TensorType.Int8) continue;
                engine.Interpreter.GetTensor(ops[i].Outputs[0], buffer, 0);
                stats[i].Add(expected, buffer);
            }
        }
        return ops.Select((o, i) => stats[i].Result(i, OpCode.Name(o.Code), o.Name, names[i], model.Tensors[o.Outputs[0]].ElementCount)).ToList();
    }

    /// <summary>The ONNX model with the wanted values as graph outputs (float32, shape left to ONNX Runtime's inference), run on every row.</summary>
    private static float[][][] RunWithOutputs(Model onnx, string onnxPath, string inputName, int[] inputShape, IReadOnlyList<string> wanted, IReadOnlyList<float[]> rows)
    {
        var copy = onnx.Clone();
        var existing = copy.Graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in wanted.Where(n => !existing.Contains(n)))
            copy.Graph.Output.Add(new ValueInfo { Name = name, Type = new TypeInfo { TensorType = new TypeInfo.Types.TensorType { ElemType = (int)Tensor.Types.ElementType.Float } } });
        string path = Path.Combine(Path.GetTempPath(), $"edge-layers-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, copy.ToByteArray());
        try
        {
            // One row per call: inside a GRU/LSTM the batch is not the first axis, so a batch of rows would interleave.
            using var ort = new OnnxRuntimeModel(path, inputName, inputShape, wanted.ToArray());
            var result = wanted.Select(_ => new float[rows.Count][]).ToArray();
            for (int r = 0; r < rows.Count; r++)
            {
                var one = ort.Run([rows[r]]);
                for (int k = 0; k < wanted.Count; k++) result[k][r] = one[k][0];
            }
            return result;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class Accumulator
    {
        private double _max, _squares, _dot, _aa, _bb;
        private long _count;

        public void Add(float[] expected, float[] actual)
        {
            for (int j = 0; j < expected.Length; j++)
            {
                double a = expected[j], b = actual[j], e = b - a;
                _max = Math.Max(_max, Math.Abs(e));
                _squares += e * e;
                _dot += a * b;
                _aa += a * a;
                _bb += b * b;
                _count++;
            }
        }

        public LayerError Result(int index, string kind, string op, string tensor, int elements) =>
            _count == 0
                ? new LayerError(index, kind, op, tensor, elements, false, double.NaN, double.NaN, double.NaN, double.NaN)
                : new LayerError(index, kind, op, tensor, elements, true, _max, Math.Sqrt(_squares / _count),
                    _aa == 0 && _bb == 0 ? 1 : _dot / Math.Sqrt(_aa * _bb), Math.Sqrt(_aa / _count));
    }
}
