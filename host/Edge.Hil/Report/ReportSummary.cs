namespace Edge.Hil.Report;

/// <summary>What `edge hil report` wrote; <see cref="Unreadable"/> lists cell files it could not read (also stated on the page).</summary>
public sealed record ReportSummary(string Path, int Cells, int Measured, int Traces)
{
    public IReadOnlyList<string> Unreadable { get; init; } = Array.Empty<string>();
}
