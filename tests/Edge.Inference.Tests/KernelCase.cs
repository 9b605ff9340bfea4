namespace Edge.Inference.Tests;

/// <summary>Random int8 data and parameters for kernel tests, from a fixed seed.</summary>
public sealed class KernelCase(int seed)
{
    public Random Random { get; } = new(seed);

    public sbyte[] Int8(int count, int min = -128, int max = 127) =>
        Enumerable.Range(0, count).Select(_ => (sbyte)Random.Next(min, max + 1)).ToArray();

    public int[] Ints(int count, int min, int max) => Enumerable.Range(0, count).Select(_ => Random.Next(min, max)).ToArray();

    /// <summary>An arena holding <paramref name="input"/> at 0, with room for <paramref name="outputCount"/> values after it.</summary>
    public static sbyte[] Arena(sbyte[] input, int outputCount, out int output)
    {
        var arena = new sbyte[input.Length + outputCount];
        input.CopyTo(arena, 0);
        output = input.Length;
        return arena;
    }
}
