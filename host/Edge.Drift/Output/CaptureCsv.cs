using System.Globalization;
using System.Text;
using Edge.Device.Drift;
using Edge.Drift.Replay;

namespace Edge.Drift.Output;

/// <summary>
/// Captured rows as CSV: a row (or sample) number, the anomalous flag, then the profile's columns
/// (values decoded from fixed point, categories by name). Written row by row to a stream by `drift
/// replay --capture-out` (`board capture` writes the board's rows, numbered by sample, with
/// Edge.Board's CaptureCsv).
/// </summary>
public static class CaptureCsv
{
    /// <summary>The rows a replay's capture held at the end, numbered by data row.</summary>
    public static void Write(TextWriter text, DriftProfile profile, IEnumerable<CapturedRow> rows) =>
        Write(text, profile, "row", rows.Select(r => (r.Row, r.Anomalous, (IReadOnlyList<string>)r.Values)));

    /// <summary>A writer for <see cref="Write(TextWriter, DriftProfile, IEnumerable{CapturedRow})"/> into a file's stream (UTF-8, no BOM).</summary>
    public static StreamWriter Into(Stream stream) => new(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);

    private static void Write(TextWriter text, DriftProfile profile, string numberColumn, IEnumerable<(long Number, bool Anomalous, IReadOnlyList<string> Values)> rows)
    {
        text.WriteLine(string.Join(",", new[] { numberColumn, "anomalous" }.Concat(profile.Columns.Select(c => Quote(c.Name)))));
        foreach (var (number, anomalous, values) in rows)
        {
            text.Write(number.ToString(CultureInfo.InvariantCulture));
            text.Write(anomalous ? ",1" : ",0");
            foreach (var value in values)
            {
                text.Write(',');
                text.Write(Quote(value));
            }
            text.WriteLine();
        }
    }

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
