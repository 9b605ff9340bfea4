using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Inference.Simd;

namespace Edge.Models.Verification;

/// <summary>
/// The device engine on the host: the same <see cref="Interpreter"/> the board runs, fed one row
/// at a time through the board's own input boundary (<see cref="Interpreter.SetInputs"/>: every
/// input's values one after another, float quantiser or float32 bits for trees). Built from a
/// model, it runs the host's SIMD kernels (<see cref="HostInt8Kernels"/>), bit for bit the
/// board's managed and native kernels.
/// </summary>
public sealed class DeviceEngine
{
    private readonly Interpreter _interpreter;
    private readonly int[] _bits;
    private readonly float[] _output;
    private readonly float[] _outputs;

    /// <exception cref="ArenaBudgetException">the arena exceeds a positive <paramref name="arenaBudgetBytes"/></exception>
    public DeviceEngine(EdgeModel model, int arenaBudgetBytes = 0) : this(new Interpreter(model, arenaBudgetBytes, HostInt8Kernels.Fastest))
    {
    }

    public DeviceEngine(Interpreter interpreter)
    {
        _interpreter = interpreter;
        _bits = new int[_interpreter.InputsLength];
        _output = new float[_interpreter.OutputLength(0)];
        _outputs = new float[_interpreter.OutputsLength];
    }

    public Interpreter Interpreter => _interpreter;

    /// <summary>Runs one row; returns the first output (the buffer is reused by the next call).</summary>
    public float[] Run(float[] row)
    {
        Load(row);
        _interpreter.Invoke();
        _interpreter.GetOutput(0, _output, 0);
        return _output;
    }

    /// <summary>Runs one row; returns every output one after another, as the board's infer answer holds them (buffer reused).</summary>
    public float[] RunOutputs(float[] row)
    {
        Load(row);
        _interpreter.Invoke();
        _interpreter.GetOutputs(_outputs, 0);
        return _outputs;
    }

    /// <summary>Sets the inputs to one row through the board's input boundary, without running anything.</summary>
    public void Load(float[] row)
    {
        if (row.Length != _bits.Length) throw new ArgumentException($"row has {row.Length} values, the model's inputs {_bits.Length}");
        for (int i = 0; i < row.Length; i++) _bits[i] = BitConverter.SingleToInt32Bits(row[i]);
        _interpreter.SetInputs(row, _bits, 0);
    }

    public float[][] RunAll(IReadOnlyList<float[]> rows) => rows.Select(r => (float[])Run(r).Clone()).ToArray();

    /// <summary>Every output of every row: result[output][row].</summary>
    public float[][][] RunAllOutputs(IReadOnlyList<float[]> rows)
    {
        int outputs = _interpreter.Model.Outputs.Length;
        var result = Enumerable.Range(0, outputs).Select(_ => new float[rows.Count][]).ToArray();
        for (int r = 0; r < rows.Count; r++)
        {
            var all = RunOutputs(rows[r]);
            int at = 0;
            for (int o = 0; o < outputs; o++)
            {
                int n = _interpreter.OutputLength(o);
                result[o][r] = all.AsSpan(at, n).ToArray();
                at += n;
            }
        }
        return result;
    }
}
