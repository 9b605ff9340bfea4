using System.Text;

namespace Edge.Fleet.Jobs;

/// <summary>The Hangfire queue of a bench host: its rig's name in the characters Hangfire allows (`[a-z0-9_]`).</summary>
public static class BenchQueue
{
    public static string For(string rigName)
    {
        var name = new StringBuilder(rigName.Length);
        foreach (char c in rigName.ToLowerInvariant()) name.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '_');
        return name.ToString();
    }
}
