namespace Edge.Ads.Types;

/// <summary>
/// <c>ARRAY [l..u] OF T</c> or multi-dimensional <c>ARRAY [0..1,0..2] OF T</c> (TwinCAT spelling: a
/// space after ARRAY, none after the comma). Elements follow each other with the element's size as
/// stride, last index fastest; alignment is the element's.
/// </summary>
public sealed class PlcArrayType : PlcType
{
    internal PlcArrayType(PlcType elementType, IReadOnlyList<PlcArrayDimension> dimensions)
        : base(
            $"ARRAY [{string.Join(",", dimensions)}] OF {elementType.Name}",
            checked(elementType.Size * dimensions.Aggregate(1, (n, d) => checked(n * d.Length))),
            elementType.Alignment,
            elementType.AdsDataType)
    {
        ElementType = elementType;
        Dimensions = dimensions;
        ElementCount = dimensions.Aggregate(1, (n, d) => n * d.Length);
    }

    public PlcType ElementType { get; }

    public IReadOnlyList<PlcArrayDimension> Dimensions { get; }

    /// <summary>Elements over all dimensions.</summary>
    public int ElementCount { get; }

    /// <summary>Position of the element at <paramref name="indices"/> in storage order, or -1 when out of bounds.</summary>
    public int LinearIndex(ReadOnlySpan<int> indices)
    {
        if (indices.Length != Dimensions.Count)
            return -1;
        int linear = 0;
        for (int d = 0; d < indices.Length; d++)
        {
            var dim = Dimensions[d];
            if (indices[d] < dim.LowerBound || indices[d] > dim.UpperBound)
                return -1;
            linear = linear * dim.Length + (indices[d] - dim.LowerBound);
        }
        return linear;
    }
}
