using Edge.Ads.Types;

namespace Edge.Ads.Tests.Support;

/// <summary>One report of a simulated board, and how it lands in an ST_Board value.</summary>
internal sealed record BoardValues(int Id, bool Online, float AnomalyRate, bool Alarm, uint Inferences, float[] FeatureDrift, double DriftScore, string Model, short Temperature)
{
    public static BoardValues Random(int seed)
    {
        var rng = new Random(seed);
        return new BoardValues(
            Id: rng.Next(1, 1000),
            Online: true,
            AnomalyRate: (float)Math.Round(rng.NextDouble() * 50, 3),
            Alarm: rng.Next(2) == 1,
            Inferences: (uint)rng.Next(0, int.MaxValue),
            FeatureDrift: Enumerable.Range(0, 8).Select(_ => (float)Math.Round(rng.NextDouble(), 4)).ToArray(),
            DriftScore: rng.NextDouble() * 3,
            Model: $"motor-{rng.Next(100, 999)}",
            Temperature: (short)rng.Next(-40, 120));
    }

    public void WriteTo(PlcValueWriter value, PlcType boardType)
    {
        value.Set(boardType.Locate("Id"), Id);
        value.Set(boardType.Locate("Online"), Online);
        value.Set(boardType.Locate("Metrics.AnomalyRate"), AnomalyRate);
        value.Set(boardType.Locate("Metrics.Alarm"), Alarm);
        value.Set(boardType.Locate("Metrics.Inferences"), (ulong)Inferences);
        for (int i = 0; i < FeatureDrift.Length; i++)
            value.Set(boardType.Locate($"Metrics.FeatureDrift[{i}]"), FeatureDrift[i]);
        value.Set(boardType.Locate("Metrics.DriftScore"), DriftScore);
        value.Set(boardType.Locate("Metrics.Model"), Model);
        value.Set(boardType.Locate("Metrics.Temperature"), (long)Temperature);
    }
}
