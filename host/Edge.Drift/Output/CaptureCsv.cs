using System.Text;
using Edge.Device.Drift;
using Edge.Drift.Replay;

namespace Edge.Drift.Output;

/// <summary>The captured rows as CSV: row number, anomalous flag, then the profile's columns (values decoded from fixed point).</summary>
public static class CaptureCsv
{
    public static byte[] Build(DriftProfile profile, ReplayResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", new[] { "row", "anomalous" }.Concat(profile.Columns.Select(c => Quote(c.Name)))));
        foreach (var row in result.Captured)
            text.AppendLine(string.Join(",", new[] { row.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Anomalous ? "1" : "0" }.Concat(row.Values.Select(Quote))));
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
