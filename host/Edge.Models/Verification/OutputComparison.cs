namespace Edge.Models.Verification;

/// <summary>
/// Int8 outputs against the float reference on the same rows: agreement over every value, and by
/// task the decisions that differ and the task metrics of both against the labels (null where
/// they do not apply).
/// </summary>
public sealed record OutputComparison(
    AgreementMetrics Agreement,
    double? DecisionAgreement,
    int? DecisionMismatches,
    double? Threshold,
    TaskScores? Float,
    TaskScores? Int8);
