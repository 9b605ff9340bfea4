using System.Diagnostics;
using System.Globalization;
using Edge.Data;
using Edge.Data.Streaming;
using Edge.TestSupport;
using Parquet;
using Parquet.Schema;

// Whole-process figures for streaming replay, measured by GNU time (user+sys CPU, peak resident set):
//   dotnet run -c Release -- [--builds build,r2r] [--edge PATH] [--anchor anchor_drift_bench.py] [--dir /tmp/edge-replay-bench]
//                            [--rows 10000,100000,1000000,10000000] [--repeat 3] [--profile-rows 10000,100000,1000000]
// --builds: which `edge` to measure, side by side: "build" (the Release build `dotnet run` makes), "r2r"
// (published ReadyToRun) and "aot" (published native AOT), each published under --dir, out of the tree;
// "name=PATH" measures a binary published before; --edge PATH measures that binary alone. The data are the motor-flux sample's drift_289V rows
// repeated to each size (generated under --dir, never in the repository); the profile is built from
// train_164V's 64 spectral features, window 500, as the anchor computes them. At 100k rows the
// anchor runs interleaved with edge's runs (edge, anchor, edge, anchor, ...); medians are printed.
// --parquet 1 also replays a Parquet copy of the same rows (written by Parquet.Net, numbers as
// doubles, labels as strings, row groups of 65,536 rows) beside each CSV run.
var arguments = Arguments.Parse(args);
string root = RepoPaths.Root;
string? anchor = arguments.Find("--anchor");
string dir = arguments.Get("--dir", Path.Combine(Path.GetTempPath(), "edge-replay-bench"));
var sizes = arguments.Get("--rows", "10000,100000,1000000,10000000").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
int repeat = int.Parse(arguments.Get("--repeat", "3"), CultureInfo.InvariantCulture);
bool parquet = arguments.Get("--parquet", "0") == "1";
var profileRows = arguments.Get("--profile-rows", "10000,100000,1000000").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToHashSet();
Directory.CreateDirectory(dir);
var builds = arguments.Find("--edge") is { } given
    ? [("given", given)]
    : arguments.Get("--builds", "build,r2r").Split(',').Select(b => b.Split('=') is [var name, var path] ? (name, path) : (b, Builds.Edge(b, root, dir))).ToList();
string edge = builds[0].Item2;

string train = RepoPaths.MotorFlux("train_164V.features.csv");
string profile = Path.Combine(dir, "motor64.edgp");
Measured.Run("/usr/bin/time", ["-o", Path.Combine(dir, "time.txt"), "-f", "%U %S %M", edge, "drift", "profile", "-d", train, "--columns", "f[0-9]*", "-w", "500", "-o", profile], dir);

Console.WriteLine($"edge: {string.Join(", ", builds.Select(b => $"{b.Item1} = {b.Item2}"))}; machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()} at the start");
Console.WriteLine("| rows | command | CPU s (user+sys, median) | peak RSS MB (max) | CPU per 1k rows ms |");
Console.WriteLine("|---:|---|---:|---:|---:|");
foreach (long rows in sizes)
{
    string data = Tiled.Write(RepoPaths.MotorFlux("drift_289V.features.csv"), rows, Path.Combine(dir, $"drift-{rows}"));
    bool withAnchor = rows == 100_000 && anchor is not null;
    // The anchor reads DIR/train_164V.features.csv and DIR/drift_289V.features.csv: the same rows.
    if (withAnchor) File.Copy(train, Path.Combine(data, "train_164V.features.csv"), overwrite: true);
    string csv = Path.Combine(data, "drift_289V.features.csv");
    var inputs = parquet ? [("csv", csv), ("parquet", ParquetCopy.Write(csv, Path.Combine(data, "drift_289V.features.parquet")))] : new[] { ("csv", csv) };
    var replay = builds.SelectMany(b => inputs.Select(i => b.Item1 + (i.Item1 == "csv" ? "" : ", " + i.Item1))).ToDictionary(n => n, _ => new List<Measured>());
    var python = new List<Measured>();
    for (int run = 0; run < (rows >= 1_000_000 ? 1 : repeat); run++)
    {
        foreach (var (name, binary) in builds)
        {
            foreach (var (format, input) in inputs)
                replay[name + (format == "csv" ? "" : ", " + format)].Add(Measured.Run("/usr/bin/time", ["-o", Path.Combine(dir, "time.txt"), "-f", "%U %S %M", binary, "drift", "replay", "--profile", profile, "-d", input, "--json"], dir));
        }
        if (withAnchor && run < repeat - 1)
            python.Add(Measured.Run("/usr/bin/time", ["-o", Path.Combine(dir, "time.txt"), "-f", "%U %S %M", "/usr/bin/python3", anchor!, data, "500"], dir));
    }
    foreach (var (name, runs) in replay) Print(rows, $"edge drift replay --json ({name})", runs);
    if (withAnchor)
    {
        Print(rows, $"anchor (numpy/scipy, Evidently's per-window metrics; {python.Count} runs)", python);
        foreach (var (name, _) in builds)
            Console.WriteLine($"|  | ratio anchor / edge ({name}) CPU | {Median(python) / Median(replay[name]):F0}x |  |  |");
    }
    if (profileRows.Contains(rows))
    {
        var profiled = Measured.Run("/usr/bin/time", ["-o", Path.Combine(dir, "time.txt"), "-f", "%U %S %M", edge, "drift", "profile", "-d", Path.Combine(data, "drift_289V.features.csv"), "--columns", "f[0-9]*", "-o", Path.Combine(dir, "big.edgp")], dir);
        Print(rows, $"edge drift profile (reference of these rows; {builds[0].Item1})", [profiled]);
    }
    Console.WriteLine($"|  | load average after {rows:N0} rows: {File.ReadAllText("/proc/loadavg").Trim()} |  |  |  |");
}

static double Median(List<Measured> runs) => runs.Select(r => r.CpuSeconds).Order().ElementAt(runs.Count / 2);

static void Print(long rows, string what, List<Measured> runs) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {rows:N0} | {what} | {Median(runs):F2} | {runs.Max(r => r.PeakMegabytes):F0} | {Median(runs) * 1e6 / rows:F3} |"));

/// <summary>One child process's CPU and peak memory as GNU time reports them.</summary>
internal sealed record Measured(double CpuSeconds, double PeakMegabytes)
{
    public static Measured Run(string file, string[] args, string dir)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var discard = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        discard.Wait();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', args)} failed ({process.ExitCode}): {error}");
        var parts = File.ReadAllText(args[1]).Trim().Split('\n')[^1].Split(' ');
        double user = double.Parse(parts[0], CultureInfo.InvariantCulture), system = double.Parse(parts[1], CultureInfo.InvariantCulture);
        return new Measured(user + system, double.Parse(parts[2], CultureInfo.InvariantCulture) / 1024);
    }
}

/// <summary>The `edge` binaries compared: the Release build, or one published out of the tree.</summary>
internal static class Builds
{
    public static string Edge(string build, string root, string dir)
    {
        string project = Path.Combine(root, "host", "Edge.Cli");
        if (build == "build") return Path.Combine(project, "bin", "Release", "net10.0", "edge");
        string[] properties = build switch
        {
            "r2r" => ["-p:PublishReadyToRun=true", "--self-contained", "false"],
            "aot" => ["-p:PublishAot=true"], // as host/Edge.Cli/README.md publishes it (clang from Debian)
            _ => throw new ArgumentException($"unknown build '{build}' (build, r2r, aot)"),
        };
        string output = Path.Combine(dir, "edge-" + build);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["publish", project, "-c", "Release", "-r", "linux-x64", "-o", output, .. properties]) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"publishing the {build} build failed: {stdout.Result}{error}");
        return Path.Combine(output, "edge");
    }
}

/// <summary>The same rows as Parquet (kept if already there): numeric columns as doubles, the others as strings.</summary>
internal static class ParquetCopy
{
    public static string Write(string csv, string path)
    {
        WriteAsync(csv, path).GetAwaiter().GetResult();
        return path;
    }

    private static async Task WriteAsync(string csv, string path)
    {
        if (File.Exists(path) && File.GetLastWriteTimeUtc(path) > File.GetLastWriteTimeUtc(csv)) return;
        var source = TableReader.Open(csv);
        var names = source.ColumnNames;
        var first = File.ReadLines(csv).Skip(1).First().Split(',');
        var numeric = first.Select(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _)).ToArray();
        var request = new TableRequest();
        var vocabulary = TextVocabulary.Open();
        var columns = names.Select((n, i) => numeric[i] ? request.Number(n) : request.Text(n, vocabulary)).ToArray();
        var fields = names.Select((n, i) => numeric[i] ? (DataField)new DataField<double>(n) : new DataField<string>(n)).ToArray();
        var chunk = new TableChunk(request, 65_536);
        await using (var stream = File.Create(path + ".tmp"))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream))
        using (var cursor = source.Open(request))
        {
            while (cursor.Read(chunk))
            {
                using var group = writer.CreateRowGroup();
                for (int c = 0; c < fields.Length; c++)
                {
                    if (numeric[c]) await group.WriteAsync<double>(fields[c], chunk.Numbers(columns[c]).ToArray().AsMemory());
                    else await group.WriteAsync(fields[c], chunk.Codes(columns[c]).ToArray().Select(code => vocabulary.TextOf(code)).ToArray());
                }
            }
        }
        File.Move(path + ".tmp", path, overwrite: true);
    }
}

/// <summary>A CSV of <c>rows</c> data rows: the sample's rows repeated in order (kept if already there).</summary>
internal static class Tiled
{
    public static string Write(string sample, long rows, string dir)
    {
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "drift_289V.features.csv");
        var lines = File.ReadAllLines(sample);
        if (File.Exists(path) && File.ReadLines(path).LongCount() == rows + 1) return dir;
        using var writer = new StreamWriter(File.Create(path, 1 << 20));
        writer.WriteLine(lines[0]);
        for (long r = 0; r < rows; r++) writer.WriteLine(lines[1 + (int)(r % (lines.Length - 1))]);
        return dir;
    }
}

internal sealed class Arguments(Dictionary<string, string> values)
{
    public static Arguments Parse(string[] args) =>
        new(Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i], i => args[2 * i + 1], StringComparer.Ordinal));

    public string? Find(string name) => values.GetValueOrDefault(name);

    public string Get(string name, string fallback) => values.GetValueOrDefault(name) ?? fallback;
}
