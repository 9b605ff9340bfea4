namespace Edge.Reports.Page;

/// <summary>The pages' one inline stylesheet: no file or network fetch, so a report works offline and mailed.</summary>
public static class ReportStyle
{
    public const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 24px auto; max-width: 1100px; color: #222; padding: 0 12px; }
        h1 { font-size: 1.5em; margin-bottom: 4px; } h2 { font-size: 1.15em; margin-top: 28px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
        h3 { font-size: 1em; margin: 14px 0 4px; }
        .meta { color: #555; font-size: 0.9em; } .note { color: #555; font-size: 0.85em; margin-top: 2px; }
        .banner { background: #fff4d6; border: 1px solid #e0c060; padding: 8px 12px; margin: 12px 0; }
        .verdict { font-size: 1.1em; padding: 10px 14px; margin: 12px 0; border-left: 6px solid #31a354; background: #f0f8f0; }
        .verdict.alarm { border-left-color: #d62728; background: #fdecea; }
        .chart { width: 100%; height: auto; background: #fff; display: block; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 10px 16px; }
        .grid figure { margin: 0; border: 1px solid #eee; padding: 4px; }
        .grid figure.drifted { border-color: #d62728; }
        .grid.wide { grid-template-columns: repeat(auto-fill, minmax(500px, 1fr)); } .grid figure table { font-size: 0.78em; }
        figcaption { font-size: 0.82em; color: #333; margin: 2px 4px; }
        table { border-collapse: collapse; font-size: 0.82em; width: 100%; } th, td { border: 1px solid #ddd; padding: 3px 6px; text-align: right; }
        th { background: #f3f3f3; } td.text, th.text { text-align: left; }
        tr.failed td, tr.drifted td.decision { background: #fde0dd; } tr.does-not-fit td { background: #f0f0f0; }
        tr.decides td { font-weight: 600; }
        select { font-size: 1em; margin: 6px 0; }
        """;
}
