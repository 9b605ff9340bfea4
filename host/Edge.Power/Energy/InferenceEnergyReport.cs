using System.Globalization;
using MathNet.Numerics.Statistics;

namespace Edge.Power.Energy;

/// <summary>Energy per inference over N inferences: mean, sample standard deviation, range, and each value.</summary>
public sealed record InferenceEnergyReport(
    int Count,
    double MeanJoules,
    double StandardDeviationJoules,
    double MinJoules,
    double MaxJoules,
    double MeanSeconds,
    IReadOnlyList<double> Joules)
{
    /// <summary>Standard deviation over mean; 0 for fewer than two inferences.</summary>
    public double RelativeSpread => Count > 1 && MeanJoules != 0 ? StandardDeviationJoules / MeanJoules : 0;

    public static InferenceEnergyReport From(IReadOnlyList<double> joules, IReadOnlyList<double> seconds)
    {
        if (joules.Count == 0) return new InferenceEnergyReport(0, 0, 0, 0, 0, 0, []);
        var energy = new RunningStatistics(joules);
        double spread = joules.Count > 1 ? energy.StandardDeviation : 0;
        return new InferenceEnergyReport(joules.Count, energy.Mean, spread, energy.Minimum, energy.Maximum, seconds.Mean(), joules.ToArray());
    }

    // Culture-invariant: this text lands in logs and reports read on machines of any locale.
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Count} inferences: {MeanJoules * 1e6:0.###} µJ ± {StandardDeviationJoules * 1e6:0.###} µJ (min {MinJoules * 1e6:0.###}, max {MaxJoules * 1e6:0.###}), {MeanSeconds * 1e3:0.###} ms each");
}
