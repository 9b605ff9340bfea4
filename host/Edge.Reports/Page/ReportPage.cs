namespace Edge.Reports.Page;

/// <summary>
/// One report page: a self-contained XHTML document (inline style, plots as inline SVG, at most a
/// small inline script) built top to bottom. Every report of edge is written through this, so they
/// share one look; the markup is well-formed XML, so a test can read it with an XML parser.
/// </summary>
public sealed class ReportPage
{
    private readonly Markup _page = new();
    private bool _closed;

    public ReportPage(string title, string heading)
    {
        _page.Raw("<!DOCTYPE html>\n");
        _page.Open("html", ("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", "en"));
        _page.Open("head").Empty("meta", ("charset", "utf-8")).Element("title", title);
        _page.Open("style").Raw(ReportStyle.Css).Close("style").Close("head");
        _page.Open("body");
        _page.Element("h1", heading);
    }

    /// <summary>The markup being written, for what the helpers here do not cover.</summary>
    public Markup Markup => _page;

    public ReportPage Meta(string text) => Paragraph(text, "meta");

    public ReportPage Note(string text) => Paragraph(text, "note");

    /// <summary>Something the reader must know before trusting what follows (simulated data, unreadable files).</summary>
    public ReportPage Banner(string text) => Paragraph(text, "banner");

    public ReportPage Paragraph(string text, string? cssClass = null)
    {
        _page.Element("p", text, ("class", cssClass));
        return this;
    }

    public ReportPage Section(string heading, string? id = null)
    {
        _page.Element("h2", heading, ("id", id));
        return this;
    }

    /// <summary>Markup made elsewhere (an SVG figure), taken as it is.</summary>
    public ReportPage Raw(string markup)
    {
        _page.Raw(markup);
        return this;
    }

    /// <summary>A figure: the plot and a caption under it.</summary>
    public ReportPage Figure(string svg, string caption, string? cssClass = null, params (string Name, string? Value)[] attributes)
    {
        _page.Open("figure", [("class", cssClass), .. attributes]).Raw(svg).Element("figcaption", caption).Close("figure");
        return this;
    }

    /// <summary>A table; the first <paramref name="textColumns"/> columns are left-aligned text, the rest numbers.</summary>
    public ReportPage Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, int textColumns,
        Func<int, string?>? rowClass = null, string? id = null)
    {
        _page.Open("table", ("id", id)).Open("thead").Open("tr");
        for (int c = 0; c < headers.Count; c++) _page.Element("th", headers[c], ("class", c < textColumns ? "text" : null));
        _page.Close("tr").Close("thead").Open("tbody");
        for (int r = 0; r < rows.Count; r++)
        {
            _page.Open("tr", ("class", rowClass?.Invoke(r)));
            for (int c = 0; c < rows[r].Count; c++) _page.Element("td", rows[r][c], ("class", c < textColumns ? "text" : null));
            _page.Close("tr");
        }
        _page.Close("tbody").Close("table");
        return this;
    }

    /// <summary>An inline script (the page works without it).</summary>
    public ReportPage Script(string code)
    {
        _page.Open("script").Raw(code).Close("script");
        return this;
    }

    /// <summary>The finished document.</summary>
    public override string ToString()
    {
        if (!_closed)
        {
            _page.Close("body").Close("html");
            _closed = true;
        }
        return _page.ToString();
    }
}
