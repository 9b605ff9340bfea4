namespace Edge.Ads.Types;

/// <summary>IEC 61131-3 identifiers: a letter or underscore, then letters, digits and underscores (ASCII).</summary>
public static class PlcIdentifier
{
    public static bool IsValid(string? text)
    {
        if (string.IsNullOrEmpty(text) || !(char.IsAsciiLetter(text[0]) || text[0] == '_'))
            return false;
        foreach (char c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
                return false;
        }
        return true;
    }

    /// <summary>A symbol name: identifiers joined by dots, as in <c>GVL.Board1</c>.</summary>
    public static bool IsValidDotted(string? text) =>
        !string.IsNullOrEmpty(text) && text.Split('.').All(IsValid);

    internal static void Validate(string name, string what)
    {
        if (!IsValid(name))
            throw new ArgumentException($"{what} '{name}' is not an IEC identifier (letter or '_', then letters, digits, '_')");
    }
}
