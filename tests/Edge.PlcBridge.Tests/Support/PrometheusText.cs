using System.Globalization;
using System.Text;

namespace Edge.PlcBridge.Tests.Support;

/// <summary>One sample of a scrape: metric name, labels, value.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>
/// A reader of the Prometheus text exposition format (version 0.0.4), written from the format's
/// description: '#' lines (HELP, TYPE), then `name{label="value",...} value [timestamp]` with
/// label values escaped as \\, \" and \n, values as Go floats (+Inf, -Inf, NaN).
/// </summary>
internal sealed class PrometheusText
{
    private PrometheusText(IReadOnlyList<PrometheusSample> samples, IReadOnlyDictionary<string, string> types)
    {
        Samples = samples;
        Types = types;
    }

    public IReadOnlyList<PrometheusSample> Samples { get; }

    /// <summary>Metric family name to its TYPE (gauge, counter, ...).</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    public static PrometheusText Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        var types = new Dictionary<string, string>();
        foreach (var raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.Length == 0)
                continue;
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line[7..].Split(' ');
                types[parts[0]] = parts[1];
                continue;
            }
            if (line.StartsWith('#'))
                continue;
            samples.Add(ParseSample(line));
        }
        return new PrometheusText(samples, types);
    }

    /// <summary>The one sample of <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    public double Value(string name, params (string Key, string Value)[] labels)
    {
        var found = Find(name, labels);
        Assert.HasCount(1, found, $"samples of {name}{{{string.Join(",", labels.Select(l => $"{l.Key}={l.Value}"))}}}");
        return found[0].Value;
    }

    public PrometheusSample[] Find(string name, params (string Key, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToArray();

    private static PrometheusSample ParseSample(string line)
    {
        int i = 0;
        while (i < line.Length && line[i] != '{' && line[i] != ' ')
            i++;
        string name = line[..i];
        var labels = new Dictionary<string, string>();
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (line[i] != '}')
            {
                int eq = line.IndexOf('=', i);
                string key = line[i..eq].Trim();
                Assert.AreEqual('"', line[eq + 1], $"label value not quoted: {line}");
                var value = new StringBuilder();
                int j = eq + 2;
                for (; line[j] != '"'; j++)
                {
                    if (line[j] == '\\')
                    {
                        j++;
                        value.Append(line[j] switch { 'n' => '\n', var c => c });
                    }
                    else
                    {
                        value.Append(line[j]);
                    }
                }
                labels[key] = value.ToString();
                i = j + 1;
                if (line[i] == ',')
                    i++;
            }
            i++;
        }
        var rest = line[i..].Trim().Split(' ');
        return new PrometheusSample(name, labels, ParseValue(rest[0]));
    }

    private static double ParseValue(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
