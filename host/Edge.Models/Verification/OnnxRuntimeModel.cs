using Edge.Models.Import;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Edge.Models.Verification;

/// <summary>
/// The float reference: ONNX Runtime (CPU, default optimisations) running the original model,
/// many rows per call along the batch dimension. A row holds every input's values one after
/// another in input order, as the device engine takes it.
/// </summary>
public sealed class OnnxRuntimeModel : IDisposable
{
    private const int BatchRows = 256;
    private readonly InferenceSession _session;
    private readonly (string Name, int[] RowShape, int Length)[] _inputs;

    public OnnxRuntimeModel(string path, string inputName, int[] inputShape, IReadOnlyList<string> outputNames)
        : this(path, [(inputName, inputShape)], outputNames)
    {
    }

    /// <param name="inputs">Every input's ONNX name and shape (batch first), in the order rows hold them.</param>
    public OnnxRuntimeModel(string path, IReadOnlyList<(string Name, int[] Shape)> inputs, IReadOnlyList<string> outputNames)
    {
        var options = new SessionOptions { InterOpNumThreads = 1, IntraOpNumThreads = 1 };
        try
        {
            _session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelImportException($"{path}: ONNX Runtime cannot load it: {e.Message}", e);
        }
        Path = path;
        _inputs = inputs.Select(i => (i.Name, i.Shape[1..], i.Shape[1..].Aggregate(1, (a, b) => a * b))).ToArray();
        OutputNames = outputNames;
    }

    public IReadOnlyList<string> OutputNames { get; }

    public string Path { get; }

    public int RowLength => _inputs.Sum(i => i.Length);

    /// <summary>Runs every row; result[output][row] is that output's values for the row.</summary>
    public float[][][] Run(IReadOnlyList<float[]> rows)
    {
        var results = OutputNames.Select(_ => new float[rows.Count][]).ToArray();
        for (int start = 0; start < rows.Count; start += BatchRows)
        {
            int count = Math.Min(BatchRows, rows.Count - start);
            var feeds = new List<NamedOnnxValue>(_inputs.Length);
            int offset = 0;
            foreach (var (name, rowShape, length) in _inputs)
            {
                var data = new float[count * length];
                for (int r = 0; r < count; r++) Array.Copy(rows[start + r], offset, data, r * length, length);
                feeds.Add(NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(data, rowShape.Prepend(count).ToArray())));
                offset += length;
            }
            using var outputs = RunSession(feeds, OutputNames);
            int o = 0;
            foreach (var output in outputs)
            {
                var values = Floats(output);
                int width = values.Length / count;
                for (int r = 0; r < count; r++) results[o][start + r] = values.AsSpan(r * width, width).ToArray();
                o++;
            }
        }
        return results;
    }

    private IDisposableReadOnlyCollection<DisposableNamedOnnxValue> RunSession(IReadOnlyCollection<NamedOnnxValue> inputs, IReadOnlyCollection<string> outputs)
    {
        try
        {
            return _session.Run(inputs, outputs);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelImportException($"{Path}: ONNX Runtime cannot run it: {e.Message}", e);
        }
    }

    /// <summary>An output's values as float: int64 outputs (ArgMax, a classifier's label) are indices, exact in float.</summary>
    private static float[] Floats(DisposableNamedOnnxValue output) => output.Value switch
    {
        Tensor<long> longs => longs.ToArray().Select(v => (float)v).ToArray(),
        _ => output.AsTensor<float>().ToArray(),
    };

    /// <summary>One row, one call: what the benchmark times.</summary>
    public float[] RunOne(float[] row)
    {
        var feeds = new List<NamedOnnxValue>(_inputs.Length);
        int offset = 0;
        foreach (var (name, rowShape, length) in _inputs)
        {
            feeds.Add(NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(row.AsSpan(offset, length).ToArray(), rowShape.Prepend(1).ToArray())));
            offset += length;
        }
        using var outputs = _session.Run(feeds, OutputNames.Take(1).ToList());
        return outputs.First().AsTensor<float>().ToArray();
    }

    public void Dispose() => _session.Dispose();
}
