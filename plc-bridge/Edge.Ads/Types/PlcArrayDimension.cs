using System.Globalization;

namespace Edge.Ads.Types;

/// <summary>One dimension of an ARRAY: <c>[LowerBound..UpperBound]</c>, both inclusive.</summary>
public readonly record struct PlcArrayDimension
{
    public PlcArrayDimension(int lowerBound, int upperBound)
    {
        if (upperBound < lowerBound)
            throw new ArgumentException($"array bounds [{lowerBound}..{upperBound}]: the upper bound is below the lower");
        LowerBound = lowerBound;
        UpperBound = upperBound;
    }

    public int LowerBound { get; }

    public int UpperBound { get; }

    /// <summary>Number of elements.</summary>
    public int Length => checked(UpperBound - LowerBound + 1);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{LowerBound}..{UpperBound}");
}
