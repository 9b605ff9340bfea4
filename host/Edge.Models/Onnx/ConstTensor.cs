using System.Buffers.Binary;
using Edge.Models.Import;
using Edge.Models.Onnx.Proto;

namespace Edge.Models.Onnx;

/// <summary>
/// The integer form of a constant that a DequantizeLinear made real: the stored integers, the
/// scale and zero point per index along <see cref="Axis"/> (-1: one for all), and whether the
/// integers were uint8 (pre-quantised models keep these instead of requantising).
/// </summary>
internal sealed record QuantizedConst(double[] Q, double[] Scales, double[] ZeroPoints, int Axis, bool IsUnsigned);

/// <summary>A constant from an ONNX initializer or Constant node: shape and values as doubles (exact for float32 and for int64 up to 2^53).</summary>
internal sealed class ConstTensor(int[] shape, double[] values)
{
    public int[] Shape { get; } = shape;

    public double[] Values { get; } = values;

    public bool IsScalar => Values.Length == 1;

    /// <summary>The ONNX element type it was read as (float unless an integer type was stored).</summary>
    public Tensor.Types.ElementType ElementType { get; init; } = Tensor.Types.ElementType.Float;

    /// <summary>Set when this constant is a DequantizeLinear of stored integers.</summary>
    public QuantizedConst? Quantized { get; init; }

    public long[] Longs => Values.Select(v => (long)v).ToArray();

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
            // int32_data holds the smaller integer types too (ONNX's rule), one value per entry.
            Tensor.Types.ElementType.Int8 => t.HasRawData ? Raw(t, 1, (b, i) => (sbyte)b[i]) : t.Int32Data.Select(v => (double)(sbyte)v).ToArray(),
            Tensor.Types.ElementType.Uint8 => t.HasRawData ? Raw(t, 1, (b, i) => b[i]) : t.Int32Data.Select(v => (double)(byte)v).ToArray(),
            Tensor.Types.ElementType.Int16 => t.HasRawData ? Raw(t, 2, (b, i) => BinaryPrimitives.ReadInt16LittleEndian(b[(2 * i)..])) : t.Int32Data.Select(v => (double)(short)v).ToArray(),
            Tensor.Types.ElementType.Uint16 => t.HasRawData ? Raw(t, 2, (b, i) => BinaryPrimitives.ReadUInt16LittleEndian(b[(2 * i)..])) : t.Int32Data.Select(v => (double)(ushort)v).ToArray(),
            Tensor.Types.ElementType.Bool => t.HasRawData ? Raw(t, 1, (b, i) => b[i] != 0 ? 1 : 0) : t.Int32Data.Select(v => v != 0 ? 1.0 : 0).ToArray(),
            _ => throw new ModelImportException($"{where}: tensor '{t.Name}' has element type {type}, edge reads float, double and integer constants"),
        };
        if (values.Length != count)
            throw new ModelImportException($"{where}: tensor '{t.Name}' has {values.Length} values for shape [{string.Join(",", shape)}]");
        return new ConstTensor(shape, values) { ElementType = type };
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
