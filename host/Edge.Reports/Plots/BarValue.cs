namespace Edge.Reports.Plots;

/// <summary>One bar of a grouped bar chart: its group (an x position), its series (a colour), value, spread (a whisker of ± this) and its tooltip text.</summary>
public sealed record BarValue(string Group, string Series, double Value, double? Spread, string Label);
