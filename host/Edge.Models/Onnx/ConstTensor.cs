using System.Buffers.Binary;
using Edge.Models.Import;
using Edge.Models.Onnx.Proto;

namespace Edge.Models.Onnx;

/// <summary>A constant from an ONNX initializer or Constant node: shape and values as doubles (exact for float32 and for int64 up to 2^53).</summary>
internal sealed class ConstTensor(int[] shape, double[] values)
{
    public int[] Shape { get; } = shape;

    public double[] Values { get; } = values;

    public bool IsScalar => Values.Length == 1;

    public static ConstTensor From(Tensor t, string where)
    {
        var shape = t.Dims.Select(d => checked((int)d)).ToArray();
        long count = shape.Aggregate(1L, (a, b) => a * b);
        if (t.DataLocation == 1) throw new ModelImportException($"{where}: tensor '{t.Name}' uses external data, which edge does not read; re-export with the weights inside the model");
        var type = (Tensor.Types.ElementType)t.DataType;
        double[] values = type switch
        {
            Tensor.Types.ElementType.Float => t.HasRawData ? Raw(t, 4, (b, i) => BinaryPrimitives.ReadSingleLittleEndian(b[(4 * i)..])) : t.FloatData.Select(f => (double)f).ToArray(),
            Tensor.Types.ElementType.Double => t.HasRawData ? Raw(t, 8, (b, i) => BinaryPrimitives.ReadDoubleLittleEndian(b[(8 * i)..])) : t.DoubleData.ToArray(),
            Tensor.Types.ElementType.Int64 => t.HasRawData ? Raw(t, 8, (b, i) => BinaryPrimitives.ReadInt64LittleEndian(b[(8 * i)..])) : t.Int64Data.Select(v => (double)v).ToArray(),
            Tensor.Types.ElementType.Int32 => t.HasRawData ? Raw(t, 4, (b, i) => BinaryPrimitives.ReadInt32LittleEndian(b[(4 * i)..])) : t.Int32Data.Select(v => (double)v).ToArray(),
            _ => throw new ModelImportException($"{where}: tensor '{t.Name}' has element type {type}, edge reads float, double, int32 and int64 constants"),
        };
        if (values.Length != count)
            throw new ModelImportException($"{where}: tensor '{t.Name}' has {values.Length} values for shape [{string.Join(",", shape)}]");
        return new ConstTensor(shape, values);
    }

    private static double[] Raw(Tensor t, int size, Func<ReadOnlySpan<byte>, int, double> read)
    {
        var bytes = t.RawData.Span;
        if (bytes.Length % size != 0) throw new ModelImportException($"tensor '{t.Name}': raw data of {bytes.Length} bytes is not a whole number of elements");
        var values = new double[bytes.Length / size];
        for (int i = 0; i < values.Length; i++) values[i] = read(bytes, i);
        return values;
    }
}
