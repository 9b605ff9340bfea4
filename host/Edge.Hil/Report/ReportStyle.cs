namespace Edge.Hil.Report;

/// <summary>The page's inline stylesheet and script: no file or network fetch, so the page works offline and mailed.</summary>
public static class ReportStyle
{
    public const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 24px auto; max-width: 1000px; color: #222; }
        h1 { font-size: 1.5em; margin-bottom: 4px; } h2 { font-size: 1.15em; margin-top: 24px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
        .meta { color: #555; font-size: 0.9em; } .note { color: #555; font-size: 0.85em; margin-top: 2px; }
        .banner { background: #fff4d6; border: 1px solid #e0c060; padding: 8px 12px; margin: 12px 0; }
        .chart { width: 100%; height: auto; background: #fff; }
        .chart .grid { stroke: #e6e6e6; stroke-width: 1; } .chart .axis { stroke: #444; stroke-width: 1; }
        .chart .tick, .chart .legend, .chart .value { font-size: 11px; fill: #444; } .chart .group { font-size: 12px; fill: #222; }
        .chart .axis-label { font-size: 12px; fill: #444; } .chart .spread { stroke: #222; stroke-width: 1.5; }
        .chart .band { fill: #9ecae1; stroke: none; } .chart .current { fill: none; stroke: #08519c; stroke-width: 2; }
        .chart .window { fill: #fdd49e; opacity: 0.6; } .chart .empty { font-size: 14px; fill: #888; }
        table { border-collapse: collapse; font-size: 0.82em; width: 100%; } th, td { border: 1px solid #ddd; padding: 3px 6px; text-align: right; }
        th { background: #f3f3f3; } td.text, th.text { text-align: left; }
        tr.failed td { background: #fde0dd; } tr.does-not-fit td { background: #f0f0f0; }
        select { font-size: 1em; margin: 6px 0; }
        """;

    /// <summary>Shows the trace chosen in the list (the first is shown without script).</summary>
    public const string Script = """
        document.getElementById('trace-select').addEventListener('change', function (e) {
          document.querySelectorAll('.trace-view').forEach(function (view) {
            view.style.display = view.getAttribute('data-cell') === e.target.value ? 'block' : 'none';
          });
        });
        """;
}
