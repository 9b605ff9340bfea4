namespace Edge.Reports.Plots;

/// <summary>Colours every report uses: series colours that stay distinguishable printed in grey, and fixed roles (reference, current, threshold, alarm).</summary>
public static class ReportPalette
{
    private static readonly string[] Colours = ["#1f77b4", "#e6550d", "#31a354", "#756bb1", "#d62728", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#636363"];

    /// <summary>The colour of the series at <paramref name="index"/> (repeats after ten).</summary>
    public static string Of(int index) => Colours[index % Colours.Length];

    /// <summary>What the data is compared against (a drift profile's reference).</summary>
    public const string Reference = "#9ecae1";

    /// <summary>What is being judged (the current window), and the drift share line.</summary>
    public const string Current = "#e6550d";

    /// <summary>Thresholds and critical values.</summary>
    public const string Threshold = "#7f0000";

    /// <summary>Raised alarms and drifted features.</summary>
    public const string Alarm = "#d62728";

    /// <summary>Calm: clean windows, features that did not drift.</summary>
    public const string Calm = "#31a354";

    /// <summary>Secondary lines (anomaly rate).</summary>
    public const string Secondary = "#756bb1";

    /// <summary>Text and axes that are not data.</summary>
    public const string Ink = "#444444";
}
