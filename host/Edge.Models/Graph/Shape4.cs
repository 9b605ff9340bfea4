namespace Edge.Models.Graph;

/// <summary>Shapes as the four dimensions the device's layout kernels loop over: the trailing axes, with leading 1s.</summary>
public static class Shape4
{
    public const int Rank = 4;

    /// <summary>The last four dimensions of <paramref name="shape"/>, 1-padded in front; fails when more than four are not 1.</summary>
    public static int[] Of(IReadOnlyList<int> shape)
    {
        var dims = shape.ToList();
        while (dims.Count > Rank && dims[0] == 1) dims.RemoveAt(0);
        if (dims.Count > Rank) throw new ArgumentException($"shape [{string.Join(",", shape)}] has more than {Rank} axes larger than 1");
        while (dims.Count < Rank) dims.Insert(0, 1);
        return dims.ToArray();
    }

    /// <summary>Row-major strides of a shape.</summary>
    public static int[] Strides(IReadOnlyList<int> shape)
    {
        var strides = new int[shape.Count];
        int s = 1;
        for (int i = shape.Count - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }
}
