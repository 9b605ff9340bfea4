namespace Edge.Models.Graph;

public enum RecurrentCellKind
{
    Gru,
    Lstm,
}

/// <summary>
/// ONNX GRU or LSTM, forward, batch 1, zero initial state, default activations, over x
/// [steps][input size]: W [gates·H][I], R [gates·H][H], biases Wb and Rb [gates·H], gates in ONNX
/// order (GRU z, r, h; LSTM i, o, f, c). The output is every step's h [steps][H] or the last one.
/// </summary>
public sealed class RecurrentOp(string name, GraphTensor input, GraphTensor output, RecurrentCellKind cell, int steps, int inputSize, int hidden,
    double[] w, double[] r, double[] wb, double[] rb, bool linearBeforeReset, bool returnSequences)
    : GraphOp(name, cell == RecurrentCellKind.Gru ? "GRU" : "LSTM", [input], output)
{
    public RecurrentCellKind Cell { get; } = cell;
    public int Steps { get; } = steps;
    public int InputSize { get; } = inputSize;
    public int Hidden { get; } = hidden;
    public int Gates => Cell == RecurrentCellKind.Gru ? 3 : 4;
    public double[] W { get; } = w;
    public double[] R { get; } = r;
    public double[] Wb { get; } = wb;
    public double[] Rb { get; } = rb;
    public bool LinearBeforeReset { get; } = linearBeforeReset;
    public bool ReturnSequences { get; } = returnSequences;

    public override string Kind => Cell == RecurrentCellKind.Gru ? "Gru" : "Lstm";

    public override long Macs => (long)Steps * Gates * Hidden * (InputSize + Hidden);

    public override long Parameters => W.Length + R.Length + Wb.Length + Rb.Length;

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    public override void Evaluate(IReadOnlyList<float[]> inputs, float[] output)
    {
        var x = inputs[0];
        int H = Hidden;
        var h = new double[H];
        var c = new double[H];
        var next = new double[H];
        for (int t = 0; t < Steps; t++)
        {
            double In(int row) => Dot(W, row * InputSize, x, t * InputSize, InputSize) + Wb[row];
            double St(int row, double[] state) => Dot(R, row * H, state, H) + Rb[row];
            if (Cell == RecurrentCellKind.Gru)
            {
                var rh = new double[H];
                for (int j = 0; j < H; j++) rh[j] = Sigmoid(In(H + j) + St(H + j, h)) * h[j];
                for (int j = 0; j < H; j++)
                {
                    double z = Sigmoid(In(j) + St(j, h));
                    double r = Sigmoid(In(H + j) + St(H + j, h));
                    double n = Math.Tanh(In(2 * H + j) + (LinearBeforeReset ? r * St(2 * H + j, h) : St(2 * H + j, rh)));
                    next[j] = (1 - z) * n + z * h[j];
                }
            }
            else
            {
                for (int j = 0; j < H; j++)
                {
                    double i = Sigmoid(In(j) + St(j, h)), o = Sigmoid(In(H + j) + St(H + j, h));
                    double f = Sigmoid(In(2 * H + j) + St(2 * H + j, h)), g = Math.Tanh(In(3 * H + j) + St(3 * H + j, h));
                    c[j] = f * c[j] + i * g;
                    next[j] = o * Math.Tanh(c[j]);
                }
            }
            Array.Copy(next, h, H);
            if (ReturnSequences) for (int j = 0; j < H; j++) output[t * H + j] = (float)h[j];
        }
        if (!ReturnSequences) for (int j = 0; j < H; j++) output[j] = (float)h[j];
    }

    private static double Dot(double[] w, int at, float[] x, int xAt, int n)
    {
        double s = 0;
        for (int k = 0; k < n; k++) s += w[at + k] * x[xAt + k];
        return s;
    }

    private static double Dot(double[] w, int at, double[] x, int n)
    {
        double s = 0;
        for (int k = 0; k < n; k++) s += w[at + k] * x[k];
        return s;
    }
}
