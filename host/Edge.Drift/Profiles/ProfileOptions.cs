namespace Edge.Drift.Profiles;

/// <summary>What `edge drift profile` was asked for. Defaults follow Evidently where it has one.</summary>
public sealed record ProfileOptions
{
    /// <summary>Columns to monitor: names or glob patterns (`f*`, `s?`); empty means every column not excluded.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>Columns (or patterns) never monitored, e.g. labels.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Columns (or patterns) to treat as categorical even if their cells are numbers.</summary>
    public IReadOnlyList<string> Categorical { get; init; } = [];

    /// <summary>The model's output score column, monitored for prediction drift.</summary>
    public string? PredictionScoreColumn { get; init; }

    /// <summary>The model's predicted class column, monitored for prediction drift.</summary>
    public string? PredictedClassColumn { get; init; }

    public int Bins { get; init; } = 16;

    /// <summary>Test for numeric columns (psi, kl, js, hellinger, tvd, ks, wasserstein); null picks Evidently's default.</summary>
    public string? NumericTest { get; init; }

    /// <summary>Test for categorical columns (psi, kl, js, hellinger, tvd, chi2, z); null picks Evidently's default.</summary>
    public string? CategoricalTest { get; init; }

    /// <summary>Threshold for distance tests (Evidently: 0.1).</summary>
    public double? Threshold { get; init; }

    /// <summary>Significance level of KS, chi-square and Z tests (Evidently: 0.05).</summary>
    public double Alpha { get; init; } = 0.05;

    public int WindowSize { get; init; } = 200;

    /// <summary>Share of features that must drift for dataset drift (Evidently: 0.5).</summary>
    public double DriftShare { get; init; } = 0.5;

    public int ConsecutiveWindows { get; init; } = 3;

    /// <summary>data, prediction, data-and-prediction or data-or-prediction.</summary>
    public string Combine { get; init; } = "data";

    public double BurstRate { get; init; } = 0.1;

    public double MinNormalShare { get; init; } = 0.5;

    public int DecayBlock { get; init; } = 32;

    public int DecayShift { get; init; } = 5;

    public int CaptureRows { get; init; }

    /// <summary>Features outside the reference range that make a row out of profile; null: 10 % of the numeric features (at least 1); 0 disables.</summary>
    public int? OutOfProfileFeatures { get; init; }

    /// <summary>How far beyond the reference's largest magnitude values may go before they saturate.</summary>
    public double Headroom { get; init; } = 4;

    /// <summary>Numeric columns with at most this many distinct reference values are binned per value (Evidently: 5).</summary>
    public int MaxDistinctForCategories { get; init; } = 5;
}
