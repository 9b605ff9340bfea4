using Edge.Models.Import;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Edge.Models.Verification;

/// <summary>
/// The float reference: ONNX Runtime (CPU, default optimisations) running the original model,
/// many rows per call along the batch dimension.
/// </summary>
public sealed class OnnxRuntimeModel : IDisposable
{
    private const int BatchRows = 256;
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly int[] _rowShape;

    public OnnxRuntimeModel(string path, string inputName, int[] inputShape, IReadOnlyList<string> outputNames)
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
        _inputName = inputName;
        _rowShape = inputShape[1..];
        OutputNames = outputNames;
    }

    public IReadOnlyList<string> OutputNames { get; }

    public string Path { get; }

    public int RowLength => _rowShape.Aggregate(1, (a, b) => a * b);

    /// <summary>Runs every row; result[output][row] is that output's values for the row.</summary>
    public float[][][] Run(IReadOnlyList<float[]> rows)
    {
        var results = OutputNames.Select(_ => new float[rows.Count][]).ToArray();
        for (int start = 0; start < rows.Count; start += BatchRows)
        {
            int count = Math.Min(BatchRows, rows.Count - start);
            var data = new float[count * RowLength];
            for (int r = 0; r < count; r++) Array.Copy(rows[start + r], 0, data, r * RowLength, RowLength);
            var input = new DenseTensor<float>(data, _rowShape.Prepend(count).ToArray());
            using var outputs = RunSession(input, OutputNames);
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

    private IDisposableReadOnlyCollection<DisposableNamedOnnxValue> RunSession(DenseTensor<float> input, IReadOnlyCollection<string> outputs)
    {
        try
        {
            return _session.Run([NamedOnnxValue.CreateFromTensor(_inputName, input)], outputs);
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
        var input = new DenseTensor<float>(row, _rowShape.Prepend(1).ToArray());
        using var outputs = _session.Run([NamedOnnxValue.CreateFromTensor(_inputName, input)], OutputNames.Take(1).ToList());
        return outputs.First().AsTensor<float>().ToArray();
    }

    public void Dispose() => _session.Dispose();
}
