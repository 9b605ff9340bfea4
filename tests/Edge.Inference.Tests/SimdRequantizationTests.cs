using System.Runtime.Intrinsics;
using Edge.Device.Inference;
using Edge.Inference.Simd;
using Edge.Inference.Simd.Gemm;

namespace Edge.Inference.Tests;

/// <summary>
/// The vector requantisation of the AVX2/AVX-512/AVX-VNNI kernels against
/// <see cref="QuantMath"/> on the full int32 result (before the int8 store hides most of it),
/// over the grid of values where the arithmetic changes: accumulators at the ends of int32 and
/// at rounding ties, multipliers including INT32_MIN, 0 and negatives, every shift from -31 to
/// 30 and counts past them (C# takes them modulo 32), activation ranges reversed or past int8.
/// </summary>
[TestClass]
public sealed class SimdRequantizationTests
{
    private static readonly int[] Accumulators =
    [
        int.MinValue, int.MinValue + 1, -(1 << 30) - 1, -(1 << 30), -65537, -65536, -32769, -32768, -1024, -3, -2, -1,
        0, 1, 2, 3, 1024, 32767, 32768, 65535, 65536, (1 << 30) - 1, 1 << 30, int.MaxValue - 1, int.MaxValue,
    ];

    private static readonly int[] Multipliers =
    [
        int.MinValue, int.MinValue + 1, -(1 << 30), -1, 0, 1, 1 << 30, (1 << 30) + 1, 1_518_500_250, int.MaxValue - 1, int.MaxValue,
    ];

    private static readonly int[] Shifts = [.. Enumerable.Range(-33, 67), int.MinValue, int.MaxValue, -100, 100];

    [TestMethod]
    public void EveryGridValueRequantisesAsQuantMath()
    {
        if (!SimdIsas.IsSupported(SimdIsa.Avx2)) Assert.Inconclusive("the vector requantisation needs AVX2");
        var random = new Random(17);
        (int ZeroPoint, int Min, int Max)[] outputs = [(0, int.MinValue, int.MaxValue), (-128, -128, 127), (77, -20, 90), (5, 100, -100), (int.MaxValue, -1000, 1000)];
        int checkedValues = 0;
        foreach (var (zeroPoint, min, max) in outputs)
        foreach (int multiplier in Multipliers.Append(random.Next(int.MinValue, int.MaxValue)))
        {
            // Eight channels: one multiplier, eight shifts at a time, every accumulator in every lane.
            for (int s0 = 0; s0 < Shifts.Length; s0 += 8)
            {
                var shifts = Enumerable.Range(0, 8).Select(l => Shifts[(s0 + l) % Shifts.Length]).ToArray();
                var job = Job(Enumerable.Repeat(multiplier, 8).ToArray(), shifts, zeroPoint, min, max);
                var requantizer = new BlockRequantizer(job, 0);
                foreach (int accumulator in Accumulators.Append(random.Next(int.MinValue, int.MaxValue)))
                {
                    var lanes = requantizer.Apply(Vector256.Create(accumulator));
                    for (int l = 0; l < 8; l++)
                    {
                        int expected = QuantMath.Clamp(QuantMath.MultiplyByQuantizedMultiplier(accumulator, multiplier, shifts[l]) + zeroPoint, min, max);
                        Assert.AreEqual(expected, lanes[l], $"acc {accumulator}, M {multiplier}, shift {shifts[l]}, zp {zeroPoint}, [{min}, {max}]");
                        checkedValues++;
                    }
                }
            }
        }
        Assert.IsGreaterThan(50_000, checkedValues);
    }

    [TestMethod]
    public void RandomValuesRequantiseAsQuantMath()
    {
        if (!SimdIsas.IsSupported(SimdIsa.Avx2)) Assert.Inconclusive("the vector requantisation needs AVX2");
        var random = new Random(23);
        for (int round = 0; round < 20_000; round++)
        {
            var multipliers = Enumerable.Range(0, 8).Select(_ => random.Next(2) == 0 ? (1 << 30) + random.Next(1 << 30) : random.Next(int.MinValue, int.MaxValue)).ToArray();
            var shifts = Enumerable.Range(0, 8).Select(_ => random.Next(-31, 31)).ToArray();
            int zeroPoint = random.Next(-128, 128);
            var job = Job(multipliers, shifts, zeroPoint, -128, 127);
            var accumulators = Enumerable.Range(0, 8).Select(_ => random.Next(int.MinValue, int.MaxValue) >> random.Next(0, 31)).ToArray();
            var lanes = new BlockRequantizer(job, 0).Apply(Vector256.Create(accumulators));
            for (int l = 0; l < 8; l++)
            {
                int expected = QuantMath.Clamp(QuantMath.MultiplyByQuantizedMultiplier(accumulators[l], multipliers[l], shifts[l]) + zeroPoint, -128, 127);
                Assert.AreEqual(expected, lanes[l], $"acc {accumulators[l]}, M {multipliers[l]}, shift {shifts[l]}");
            }
        }
    }

    /// <summary>A job of eight channels whose folded bias is the plain bias (weights all zero).</summary>
    private static GemmJob Job(int[] multipliers, int[] shifts, int zeroPoint, int min, int max)
    {
        var job = new GemmJob
        {
            Packed = new PackedWeights(new sbyte[8], 0, 8, 1, 8, new sbyte[8], new int[8]),
            Channels = 8,
        };
        job.SetChannels([.. new int[8], .. multipliers, .. shifts], 0, 8, 16, inputOffset: 0);
        job.SetOutput(new sbyte[8], 0, 8, 1, zeroPoint, min, max);
        return job;
    }
}
