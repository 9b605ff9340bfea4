using Edge.Device.Inference;
using Edge.Device.Model;

namespace Edge.TestSupport.Native;

/// <summary>
/// Runs a model's ops on arenas the caller owns, through a kernel set, exactly as
/// <see cref="Interpreter.Invoke"/> does (same order, same offsets), so that tests can compare
/// whole arenas (every intermediate tensor) between implementations and machines. A test checks
/// that it matches the interpreter's outputs.
/// </summary>
public static class GraphRunner
{
    public static void Run(IReadOnlyList<HarnessOp> ops, Int8Kernels kernels, sbyte[] weights, int[] ints, sbyte[] arena8, int[] arena32)
    {
        // Int8Kernels.Run is the interpreter's own switch from op code to kernel.
        foreach (var op in ops)
            kernels.Run(op.Code, op.Parameters, weights, ints, arena8, arena32, op.Input0, op.Input1, op.Output);
    }

    /// <summary>
    /// Fills a model's (single) input into fresh arenas as the interpreter's input boundary does:
    /// int8 inputs quantised by <see cref="Interpreter.RoundToInt8"/>(x·A[c] + B[c]), float-key
    /// inputs as the keys of the float32 bits.
    /// </summary>
    public static (sbyte[] Arena8, int[] Arena32) Input(EdgeModel model, float[] row)
    {
        var arena8 = new sbyte[model.Arena8Length];
        var arena32 = new int[model.Arena32Length];
        var input = model.Inputs[0];
        var tensor = model.Tensors[input.Tensor];
        if (row.Length != tensor.ElementCount) throw new ArgumentException($"row of {row.Length} values for an input of {tensor.ElementCount}");
        for (int i = 0; i < row.Length; i++)
        {
            if (tensor.Type == TensorType.Float32Key)
            {
                arena32[tensor.ArenaOffset + i] = FloatKey.FromBits(BitConverter.SingleToInt32Bits(row[i]));
                continue;
            }
            int c = i / input.InnerSize;
            arena8[tensor.ArenaOffset + i] = (sbyte)Interpreter.RoundToInt8(row[i] * input.A[c] + input.B[c]);
        }
        return (arena8, arena32);
    }

    /// <summary>
    /// Runs every row through the model on both kernel sets and compares the whole arenas: how many
    /// rows differ anywhere, and where the first of them does first.
    /// </summary>
    public static (int Differing, string First) Compare(EdgeModel model, float[][] rows, Int8Kernels expected, Int8Kernels actual)
    {
        var ops = HarnessOp.Of(model);
        int differing = 0;
        string first = "";
        for (int r = 0; r < rows.Length; r++)
        {
            var (expected8, expected32) = Input(model, rows[r]);
            var (actual8, actual32) = Input(model, rows[r]);
            Run(ops, expected, model.Weights, model.Ints, expected8, expected32);
            Run(ops, actual, model.Weights, model.Ints, actual8, actual32);
            if (expected8.AsSpan().SequenceEqual(actual8) && expected32.AsSpan().SequenceEqual(actual32)) continue;
            if (differing++ == 0)
                first = $"row {r}: int8 arena {FirstDifference(expected8, actual8)}, int32 arena {FirstDifference(expected32, actual32)} ({expected.Name} vs {actual.Name})";
        }
        return (differing, first);
    }

    private static string FirstDifference<T>(T[] expected, T[] actual) where T : IEquatable<T>
    {
        for (int i = 0; i < expected.Length; i++)
            if (!expected[i].Equals(actual[i])) return $"[{i}] {expected[i]} vs {actual[i]}";
        return "same";
    }
}
