using System.Globalization;

namespace Edge.Fleet.Compare;

/// <summary>
/// How far a figure may move between two runs before `edge hil compare` flags it: energy and latency
/// relative (percent of run A's value), accuracy in absolute points of the score (AUC, else accuracy, else
/// decision agreement, all 0..1).
/// </summary>
public sealed record Tolerance(double EnergyPercent = 5, double LatencyPercent = 5, double Accuracy = 0.01)
{
    /// <summary>`energy=3%`, `latency=10%`, `accuracy=0.005`, one at a time; unnamed figures keep their default.</summary>
    public Tolerance With(string setting)
    {
        string[] parts = setting.Split('=', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2) throw new FormatException($"--tolerance '{setting}': write NAME=VALUE, e.g. energy=5% or accuracy=0.01");
        bool percent = parts[1].EndsWith('%');
        if (!double.TryParse(percent ? parts[1][..^1] : parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < 0 || !double.IsFinite(value))
            throw new FormatException($"--tolerance '{setting}': '{parts[1]}' is not a number >= 0");
        return parts[0] switch
        {
            "energy" => this with { EnergyPercent = percent ? value : throw new FormatException($"--tolerance '{setting}': energy moves in percent, e.g. energy={value}%") },
            "latency" => this with { LatencyPercent = percent ? value : throw new FormatException($"--tolerance '{setting}': latency moves in percent, e.g. latency={value}%") },
            "accuracy" => this with { Accuracy = percent ? value / 100 : value },
            _ => throw new FormatException($"--tolerance '{setting}': '{parts[0]}' is not energy, latency or accuracy"),
        };
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"energy {EnergyPercent}%, latency {LatencyPercent}%, accuracy {Accuracy}");
}
