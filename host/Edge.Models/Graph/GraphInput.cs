namespace Edge.Models.Graph;

/// <summary>
/// A graph input: the ONNX input it reads, the tensor the ops see, and the per-channel affine map
/// x·A[c] + B[c] that constant Sub/Div/Mul/Add (and BatchNormalization) right after the input
/// were folded into. Channels run along axis 1; <see cref="InnerSize"/> elements share one.
/// </summary>
public sealed class GraphInput(string onnxName, int[] onnxShape, GraphTensor tensor, int channels, int innerSize)
{
    public string OnnxName { get; } = onnxName;

    /// <summary>The ONNX input's shape with the batch dimension set to 1.</summary>
    public int[] OnnxShape { get; } = onnxShape;

    public GraphTensor Tensor { get; } = tensor;

    public int Channels { get; } = channels;

    public int InnerSize { get; } = innerSize;

    public double[] A { get; } = Enumerable.Repeat(1.0, channels).ToArray();

    public double[] B { get; } = new double[channels];

    /// <summary>True when the input feeds tree ensembles, which take float32 values bit for bit.</summary>
    public bool IsFloatKey { get; set; }

    public bool IsIdentity => A.All(a => a == 1) && B.All(b => b == 0);

    public void Compose(double[] a, double[] b)
    {
        for (int c = 0; c < Channels; c++)
        {
            A[c] *= a[c];
            B[c] = B[c] * a[c] + b[c];
        }
    }

    public float[] Apply(float[] raw)
    {
        var x = new float[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            int c = i / InnerSize;
            x[i] = (float)(raw[i] * A[c] + B[c]);
        }
        return x;
    }
}
