using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Inference.Simd;

namespace Edge.Models.Verification;

/// <summary>
/// The device engine on the host: the same <see cref="Interpreter"/> the board runs, fed one row
/// at a time through the board's own input boundary (float quantiser, or float32 bits for trees).
/// Built from a model, it runs the host's SIMD kernels (<see cref="HostInt8Kernels"/>), bit for
/// bit the board's managed and native kernels.
/// </summary>
public sealed class DeviceEngine
{
    private readonly Interpreter _interpreter;
    private readonly bool _floatKeys;
    private readonly int[] _bits;
    private readonly float[] _output;

    /// <exception cref="ArenaBudgetException">the arena exceeds a positive <paramref name="arenaBudgetBytes"/></exception>
    public DeviceEngine(EdgeModel model, int arenaBudgetBytes = 0) : this(new Interpreter(model, arenaBudgetBytes, HostInt8Kernels.Fastest))
    {
    }

    public DeviceEngine(Interpreter interpreter)
    {
        var model = interpreter.Model;
        _interpreter = interpreter;
        _floatKeys = model.Tensors[model.Inputs[0].Tensor].Type == TensorType.Float32Key;
        _bits = new int[_interpreter.InputLength(0)];
        _output = new float[_interpreter.OutputLength(0)];
    }

    public Interpreter Interpreter => _interpreter;

    /// <summary>Runs one row; the returned buffer is reused by the next call.</summary>
    public float[] Run(float[] row)
    {
        Load(row);
        _interpreter.Invoke();
        _interpreter.GetOutput(0, _output, 0);
        return _output;
    }

    /// <summary>Sets the input to one row through the board's input boundary, without running anything.</summary>
    public void Load(float[] row)
    {
        if (row.Length != _bits.Length) throw new ArgumentException($"row has {row.Length} values, the model input {_bits.Length}");
        if (_floatKeys)
        {
            for (int i = 0; i < row.Length; i++) _bits[i] = BitConverter.SingleToInt32Bits(row[i]);
            _interpreter.SetInputFloat32Bits(0, _bits, 0);
        }
        else
        {
            _interpreter.SetInput(0, row, 0);
        }
    }

    public float[][] RunAll(IReadOnlyList<float[]> rows) => rows.Select(r => (float[])Run(r).Clone()).ToArray();
}
