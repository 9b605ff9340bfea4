using System.Globalization;
using System.Text;

namespace Edge.Reports.Page;

/// <summary>
/// Writes the report's markup: well-formed (every element closed, attributes quoted and escaped),
/// so the page is also valid XML and a test can read it with an XML parser.
/// </summary>
public sealed class Markup
{
    private readonly StringBuilder _text = new();

    public static string Escape(string? text) =>
        (text ?? "").Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Opens an element; attribute values are escaped, null values left out.</summary>
    public Markup Open(string name, params (string Name, string? Value)[] attributes)
    {
        _text.Append('<').Append(name);
        Attributes(attributes);
        _text.Append('>');
        return this;
    }

    public Markup Close(string name)
    {
        _text.Append("</").Append(name).Append('>');
        return this;
    }

    /// <summary>An element with text content (escaped).</summary>
    public Markup Element(string name, string? text, params (string Name, string? Value)[] attributes)
    {
        Open(name, attributes);
        _text.Append(Escape(text));
        return Close(name);
    }

    /// <summary>An element without content.</summary>
    public Markup Empty(string name, params (string Name, string? Value)[] attributes)
    {
        _text.Append('<').Append(name);
        Attributes(attributes);
        _text.Append("/>");
        return this;
    }

    public Markup Text(string? text)
    {
        _text.Append(Escape(text));
        return this;
    }

    /// <summary>Markup written elsewhere (another <see cref="Markup"/>), taken as it is.</summary>
    public Markup Raw(string markup)
    {
        _text.Append(markup);
        return this;
    }

    public override string ToString() => _text.ToString();

    private void Attributes((string Name, string? Value)[] attributes)
    {
        foreach (var (name, value) in attributes)
            if (value is not null) _text.Append(' ').Append(name).Append("=\"").Append(Escape(value)).Append('"');
    }
}
