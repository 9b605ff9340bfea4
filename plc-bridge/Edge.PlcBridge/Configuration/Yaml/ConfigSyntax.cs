using System.Globalization;
using System.Net;
using Edge.Common.Text;

namespace Edge.PlcBridge.Configuration.Yaml;

/// <summary>How scalar values are spelled in a bridge configuration: each parser says yes or no, the caller words the error.</summary>
internal static class ConfigSyntax
{
    /// <summary>Decimal, <c>0x4040</c> or TwinCAT's <c>16#4040</c>; underscores allowed as in ST (<c>16#40_40</c>).</summary>
    public static bool TryInteger(string text, out long value)
    {
        string t = text.Replace("_", "", StringComparison.Ordinal).Trim();
        if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return long.TryParse(t[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        if (t.StartsWith("16#", StringComparison.Ordinal))
            return long.TryParse(t[3..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        return long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary><c>500ms</c>, <c>5s</c>, <c>1.5s</c>, <c>2m</c>, <c>1h</c>: Edge's one duration syntax (<see cref="Duration"/>).</summary>
    public static bool TryDuration(string text, out TimeSpan value) => Duration.TryParse(text, out value);

    public static bool TryBool(string text, out bool value)
    {
        value = false;
        switch (text.Trim().ToLowerInvariant())
        {
            case "true":
                value = true;
                return true;
            case "false":
                return true;
            default:
                return false;
        }
    }

    /// <summary>An address (<c>192.168.10.20</c>: that host only) or a network in CIDR notation (<c>192.168.10.0/24</c>).</summary>
    public static bool TryNetwork(string text, out IPNetwork network)
    {
        string t = text.Trim();
        if (IPAddress.TryParse(t, out var address) && !t.Contains('/', StringComparison.Ordinal))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        return IPNetwork.TryParse(t, out network);
    }
}
