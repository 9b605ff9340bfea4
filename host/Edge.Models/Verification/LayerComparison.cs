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
public sealed record LayerError(int Index, string Kind, string Op, string Tensor, int Elements, AgreementMetrics? Agreement);

/// <summary>Runs the device engine op by op and ONNX Runtime with every matching intermediate value as an extra output.</summary>
public static class LayerComparison
{
    public static IReadOnlyList<LayerError> Compare(DeviceEngine engine, string onnxPath, IReadOnlyList<(string Name, int[] Shape)> inputs, IReadOnlyList<float[]> rows)
    {
        var model = engine.Interpreter.Model;
        var onnx = OnnxModelFile.Load(onnxPath);
        var produced = onnx.Graph.Node.SelectMany(n => n.Output).Where(o => o.Length > 0).ToHashSet(StringComparer.Ordinal);
        var ops = model.Operations;
        var names = ops.Select(o => model.Tensors[o.Outputs[0]].Name).ToArray();
        // ArgMax writes int64 in ONNX; its index is compared by the output check, not here.
        var wanted = names.Where((n, i) => produced.Contains(n) && ops[i].Code != OpCode.ArgMax).Distinct().ToList();
        var reference = wanted.Count == 0 ? [] : RunWithOutputs(onnx, inputs, wanted, rows);

        var expected = ops.Select(_ => new List<float[]>()).ToArray();
        var actual = ops.Select(_ => new List<float[]>()).ToArray();
        for (int r = 0; r < rows.Count; r++)
        {
            engine.Load(rows[r]);
            for (int i = 0; i < ops.Length; i++)
            {
                engine.Interpreter.Run(i, i + 1);
                int k = wanted.IndexOf(names[i]);
                if (k < 0) continue;
                var tensor = model.Tensors[ops[i].Outputs[0]];
                if (reference[k][r].Length != tensor.ElementCount || tensor.Type != TensorType.Int8) continue;
                var values = new float[tensor.ElementCount];
                engine.Interpreter.GetTensor(ops[i].Outputs[0], values, 0);
                expected[i].Add(reference[k][r]);
                actual[i].Add(values);
            }
        }
        return ops.Select((o, i) => new LayerError(i, OpCode.Name(o.Code), o.Name, names[i], model.Tensors[o.Outputs[0]].ElementCount,
            expected[i].Count == 0 ? null : AgreementMetrics.Compute(expected[i], actual[i]))).ToList();
    }

    /// <summary>The ONNX model with the wanted values as graph outputs (float32, shape left to ONNX Runtime's inference), run on every row.</summary>
    private static float[][][] RunWithOutputs(Model onnx, IReadOnlyList<(string Name, int[] Shape)> inputs, IReadOnlyList<string> wanted, IReadOnlyList<float[]> rows)
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
            using var ort = new OnnxRuntimeModel(path, inputs, wanted.ToArray());
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
}
