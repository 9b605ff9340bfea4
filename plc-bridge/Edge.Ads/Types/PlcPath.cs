using System.Globalization;
using System.Text;

namespace Edge.Ads.Types;

/// <summary>
/// Walks a member path below a type: <c>name</c> selects a STRUCT member (ignoring case),
/// <c>[i]</c> or <c>[i,j]</c> an ARRAY element, <c>.</c> separates members:
/// <c>Metrics.FeatureDrift[3]</c>, <c>[2].Alarm</c>.
/// </summary>
internal static class PlcPath
{
    public static PlcLocation Locate(PlcType root, string path) =>
        TryLocate(root, path, out var location, out string? error)
            ? location
            : throw new ArgumentException($"'{path}' in {root.Name}: {error}", nameof(path));

    public static bool TryLocate(PlcType root, string path, out PlcLocation location, out string? error)
    {
        location = default;
        error = null;
        path = path.Trim();
        var type = root;
        int offset = 0;
        var canonical = new StringBuilder(path.Length);
        int i = 0;
        while (i < path.Length)
        {
            if (path[i] == '[')
            {
                int close = path.IndexOf(']', i);
                if (close < 0)
                    return Fail(out error, $"'[' at {i} is not closed");
                if (!TryParseIndices(path.AsSpan(i + 1, close - i - 1), out var indices))
                    return Fail(out error, $"'{path[i..(close + 1)]}' is not a list of integer indices");
                if (type is not PlcArrayType array)
                    return Fail(out error, $"{type.Name} is not an ARRAY, so it has no element {path[i..(close + 1)]}");
                int linear = array.LinearIndex(indices);
                if (linear < 0)
                    return Fail(out error, $"index {path[i..(close + 1)]} is outside {array.Name}");
                offset += linear * array.ElementType.Size;
                type = array.ElementType;
                canonical.Append('[').Append(string.Join(",", indices)).Append(']');
                i = close + 1;
                continue;
            }
            if (path[i] == '.')
                i++;
            else if (i != 0)
                return Fail(out error, $"unexpected '{path[i]}' at {i}");
            int start = i;
            while (i < path.Length && (char.IsAsciiLetterOrDigit(path[i]) || path[i] == '_'))
                i++;
            if (i == start)
                return Fail(out error, $"a member name is missing at {start}");
            string name = path[start..i];
            if (type is not PlcStructType structType)
                return Fail(out error, $"{type.Name} is not a STRUCT, so it has no member '{name}'");
            var member = structType.FindMember(name);
            if (member is null)
                return Fail(out error, $"{structType.Name} has no member '{name}'");
            offset += member.Offset;
            type = member.Type;
            if (canonical.Length > 0)
                canonical.Append('.');
            canonical.Append(member.Name);
        }
        location = new PlcLocation(canonical.ToString(), type, offset);
        return true;
    }

    private static bool TryParseIndices(ReadOnlySpan<char> text, out int[] indices)
    {
        var parts = text.ToString().Split(',');
        indices = new int[parts.Length];
        for (int k = 0; k < parts.Length; k++)
        {
            if (!int.TryParse(parts[k].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out indices[k]))
                return false;
        }
        return true;
    }

    private static bool Fail(out string error, string message)
    {
        error = message;
        return false;
    }
}
