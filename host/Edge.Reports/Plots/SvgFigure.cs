using System.Xml.Linq;
using ScottPlot;

namespace Edge.Reports.Plots;

/// <summary>
/// A ScottPlot plot as SVG to put inline in a page: no XML declaration, scaled by the page
/// (viewBox), named (id, title, aria-label), and with the plot's internal ids (clip paths) made
/// unique per figure, since every id in an HTML page shares one namespace.
/// </summary>
public static class SvgFigure
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <param name="id">The figure's element id, unique in its page.</param>
    /// <param name="description">What the plot shows, for the tooltip and for screen readers.</param>
    public static string Render(Plot plot, string id, int width, int height, string description, string cssClass = "chart")
    {
        var document = XDocument.Parse(plot.GetSvgXml(width, height));
        var root = document.Root ?? throw new InvalidOperationException("the plot rendered no SVG");
        string prefix = id + "-";
        foreach (var element in root.DescendantsAndSelf())
        {
            if (element.Attribute("id") is { } own) own.Value = prefix + own.Value;
            foreach (var attribute in element.Attributes())
            {
                if (attribute.Value.Contains("url(#", StringComparison.Ordinal))
                    attribute.Value = attribute.Value.Replace("url(#", "url(#" + prefix, StringComparison.Ordinal);
                else if (attribute.Name == XLink + "href" && attribute.Value.StartsWith('#'))
                    attribute.Value = "#" + prefix + attribute.Value[1..];
            }
        }
        if (!root.DescendantsAndSelf().Attributes().Any(a => a.Name.Namespace == XLink))
            root.Attributes().Where(a => a.IsNamespaceDeclaration && a.Value == XLink.NamespaceName).Remove();
        root.SetAttributeValue("width", null);
        root.SetAttributeValue("height", null);
        root.SetAttributeValue("id", id);
        root.SetAttributeValue("class", cssClass);
        root.SetAttributeValue("viewBox", $"0 0 {width} {height}");
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-label", description);
        root.AddFirst(new XElement(Svg + "title", description));
        return root.ToString(SaveOptions.DisableFormatting);
    }
}
