using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Edge.TestSupport;

/// <summary>A shape Chromium drew in a chart: its fill (lower-case #rrggbb), where it landed on the page (CSS pixels), and whether it lies in the plot's data area.</summary>
public sealed record RenderedShape(string Tag, string Fill, double Opacity, double X, double Y, double Width, double Height, bool InDataArea)
{
    public double Bottom => Y + Height;
}

/// <summary>A text Chromium drew in a chart, with its box.</summary>
public sealed record RenderedText(string Text, double X, double Y, double Width, double Height);

/// <summary>One chart (an inline &lt;svg class="chart"&gt;) as laid out by Chromium.</summary>
public sealed record RenderedChart(string Id, bool Visible, double X, double Y, double Width, double Height, RenderedShape DataArea,
    IReadOnlyList<RenderedShape> Shapes, IReadOnlyList<RenderedText> Texts)
{
    /// <summary>Filled shapes of one colour inside the data area (bars, markers, spans), left to right.</summary>
    public IReadOnlyList<RenderedShape> Filled(string hex) =>
        Shapes.Where(s => s.InDataArea && string.Equals(s.Fill, hex, StringComparison.OrdinalIgnoreCase) && s.Width > 0 && s.Height > 0).OrderBy(s => s.X).ToList();

    public bool HasText(string text) => Texts.Any(t => t.Text == text && t.Width > 0);
}

/// <summary>
/// What headless Chromium drew: a copy of the page with a probe script appended is loaded with
/// --dump-dom; the script walks every chart after layout and writes each filled shape's colour and
/// rendered box and each text's content and box into the document, which this reads back. So a
/// test checks the picture as the browser made it, not only the markup.
/// </summary>
public static class RenderedPage
{
    private const string Probe = """
        (function () {
          function fill(e) {
            var f = (e.getAttribute('fill') || '').toLowerCase();
            var names = { red: '#ff0000', white: '#ffffff', black: '#000000' };
            return names[f] || f;
          }
          var charts = [];
          document.querySelectorAll('svg.chart').forEach(function (svg) {
            var box = svg.getBoundingClientRect();
            // The data area: the largest clip rectangle (ScottPlot clips each plottable to it, one clipPath each).
            function geometry(clip) {
              var r = clip.querySelector('rect');
              return r ? [r.x.baseVal.value, r.y.baseVal.value, r.width.baseVal.value, r.height.baseVal.value] : null;
            }
            var largest = null, area = -1;
            svg.querySelectorAll('clipPath').forEach(function (clip) {
              var g = geometry(clip);
              if (g && g[2] * g[3] > area) { area = g[2] * g[3]; largest = g; }
            });
            var dataRefs = {}, dataClip = null;
            svg.querySelectorAll('clipPath').forEach(function (clip) {
              var g = geometry(clip);
              if (g && largest && g.join() === largest.join()) { dataRefs['url(#' + clip.id + ')'] = true; dataClip = dataClip || clip; }
            });
            // A clip rectangle is not drawn, so it has no box of its own: map its corners to the page.
            function toPage(x, y) {
              var p = svg.createSVGPoint();
              p.x = x; p.y = y;
              return p.matrixTransform(svg.getScreenCTM());
            }
            var dataBox = box;
            if (largest) {
              var a = toPage(largest[0], largest[1]), b = toPage(largest[0] + largest[2], largest[1] + largest[3]);
              dataBox = { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
            }
            var chart = { id: svg.id, visible: box.width > 0 && box.height > 0 && svg.checkVisibility(), x: box.x, y: box.y + window.scrollY, width: box.width, height: box.height,
              dataArea: { tag: 'rect', fill: '', opacity: 1, x: dataBox.x, y: dataBox.y + window.scrollY, width: dataBox.width, height: dataBox.height, inDataArea: true },
              shapes: [], texts: [] };
            svg.querySelectorAll('rect, ellipse, circle, path, polygon').forEach(function (e) {
              var f = fill(e);
              if (!f || f === 'none' || e.closest('clipPath')) return;
              var b = e.getBoundingClientRect();
              var group = e.closest('g[clip-path]');
              chart.shapes.push({ tag: e.tagName, fill: f, opacity: parseFloat(e.getAttribute('fill-opacity') || '1'), x: b.x, y: b.y + window.scrollY, width: b.width, height: b.height,
                inDataArea: !!group && dataRefs[group.getAttribute('clip-path')] === true });
            });
            svg.querySelectorAll('text').forEach(function (t) {
              var b = t.getBoundingClientRect();
              chart.texts.push({ text: t.textContent.trim(), x: b.x, y: b.y + window.scrollY, width: b.width, height: b.height });
            });
            charts.push(chart);
          });
          var pre = document.createElement('pre');
          pre.id = 'rendered-probe';
          pre.textContent = JSON.stringify(charts);
          document.body.appendChild(pre);
        })();
        """;

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Every chart of <paramref name="html"/> as Chromium laid it out in a window of the given width.</summary>
    public static IReadOnlyDictionary<string, RenderedChart> Charts(string html, int width = 1280)
    {
        string text = File.ReadAllText(html);
        int end = text.LastIndexOf("</body>", StringComparison.Ordinal);
        Assert.IsTrue(end > 0, $"{html} has no </body>");
        string probe = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(html))!, "probe-" + Guid.NewGuid().ToString("N")[..8] + ".html");
        File.WriteAllText(probe, text[..end] + "<script>" + Probe + "</script>" + text[end..]);
        try
        {
            string dom = HeadlessChromium.DumpDom(probe, width);
            var match = Regex.Match(dom, "<pre id=\"rendered-probe\">(.*?)</pre>", RegexOptions.Singleline);
            Assert.IsTrue(match.Success, "the probe script did not run (no result in the document)");
            var charts = JsonSerializer.Deserialize<List<RenderedChart>>(WebUtility.HtmlDecode(match.Groups[1].Value), Json)!;
            return charts.ToDictionary(c => c.Id);
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
