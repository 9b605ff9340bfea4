namespace Edge.Hil.Report;

/// <summary>One bar of a grouped bar chart: its group (a model), its series (a board and firmware), value, spread and the cell it shows.</summary>
public sealed record BarValue(string Group, string Series, double Value, double? Spread, string Cell, string Label);
