using Edge.Models.Graph;

namespace Edge.Models.Quantization;

/// <summary>
/// Calibration: the float graph run over the calibration rows, keeping each tensor's minimum and
/// maximum, and per channel for the graph inputs (whose quantiser may work per feature).
/// </summary>
public sealed class TensorRanges
{
    private readonly Dictionary<GraphTensor, (double Min, double Max)> _ranges = new();
    private readonly Dictionary<GraphTensor, (double[] Min, double[] Max)> _channelRanges = new();
    private readonly Dictionary<GraphTensor, List<float>> _samples = new();

    /// <summary>Values kept per tensor for choosing a clipping range (an evenly strided sample).</summary>
    public const int SampleSize = 1 << 18;

    private readonly Dictionary<GraphTensor, long> _seen = new();
    private readonly Dictionary<GraphTensor, double[]> _sums = new();
    private readonly Dictionary<GraphTensor, (double Min, double Max)> _clipped = new();

    public int Rows { get; private set; }

    public static TensorRanges Calibrate(ModelGraph graph, IReadOnlyList<float[]> rows)
    {
        if (rows.Count == 0) throw new ArgumentException("no calibration rows");
        var ranges = new TensorRanges { Rows = rows.Count };
        foreach (var input in graph.Inputs)
            ranges._channelRanges[input.Tensor] = (Enumerable.Repeat(double.PositiveInfinity, input.Channels).ToArray(), Enumerable.Repeat(double.NegativeInfinity, input.Channels).ToArray());
        foreach (var row in rows)
        {
            var values = graph.Execute(row);
            foreach (var (tensor, data) in values)
            {
                long total = (long)rows.Count * data.Length;
                int stride = (int)Math.Max(1, (total + SampleSize - 1) / SampleSize);
                if (!ranges._samples.TryGetValue(tensor, out var sample)) ranges._samples[tensor] = sample = new List<float>();
                long seen = (long)(ranges._seen.GetValueOrDefault(tensor));
                for (int i = 0; i < data.Length; i++)
                    if ((seen + i) % stride == 0) sample.Add(data[i]);
                ranges._seen[tensor] = seen + data.Length;
                if (!ranges._sums.TryGetValue(tensor, out var sums)) ranges._sums[tensor] = sums = new double[data.Length];
                for (int i = 0; i < data.Length; i++) sums[i] += data[i];
                var (min, max) = ranges._ranges.GetValueOrDefault(tensor, (double.PositiveInfinity, double.NegativeInfinity));
                foreach (float v in data)
                {
                    if (v < min) min = v;
                    if (v > max) max = v;
                }
                ranges._ranges[tensor] = (min, max);
            }
            foreach (var input in graph.Inputs)
            {
                var (cmin, cmax) = ranges._channelRanges[input.Tensor];
                var data = values[input.Tensor];
                for (int i = 0; i < data.Length; i++)
                {
                    int c = i / input.InnerSize;
                    cmin[c] = Math.Min(cmin[c], data[i]);
                    cmax[c] = Math.Max(cmax[c], data[i]);
                }
            }
        }
        return ranges;
    }

    public (double Min, double Max) Of(GraphTensor tensor) =>
        _ranges.TryGetValue(tensor, out var range) ? range : throw new InvalidOperationException($"tensor {tensor} was not calibrated");

    /// <summary>The range <see cref="ClippingSearch"/> chooses for the tensor (searched once, then remembered).</summary>
    public (double Min, double Max) Clipped(GraphTensor tensor)
    {
        if (!_clipped.TryGetValue(tensor, out var range)) _clipped[tensor] = range = ClippingSearch.Choose(Of(tensor), Sample(tensor));
        return range;
    }

    /// <summary>Each element's mean over the calibration rows.</summary>
    public double[] Means(GraphTensor tensor) => _sums[tensor].Select(s => s / Rows).ToArray();

    /// <summary>The calibration sample of a tensor's values.</summary>
    public IReadOnlyList<float> Sample(GraphTensor tensor) => _samples[tensor];

    public (double[] Min, double[] Max) PerChannel(GraphTensor input) => _channelRanges[input];
}
