namespace Edge.Hil.Report;

/// <summary>What `edge hil report` wrote.</summary>
public sealed record ReportSummary(string Path, int Cells, int Measured, int Traces);
