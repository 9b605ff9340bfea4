using System.Diagnostics;
using System.Globalization;
using Edge.TestSupport;

// Whole-process figures for streaming replay, measured by GNU time (user+sys CPU, peak resident set):
//   dotnet run -c Release -- [--edge PATH] [--anchor anchor_drift_bench.py] [--dir /tmp/edge-replay-bench] [--rows 10000,100000,1000000,10000000] [--repeat 3]
// The data are the motor-flux sample's drift_289V rows repeated to each size (generated under --dir,
// never in the repository); the profile is built from train_164V's 64 spectral features, window 500,
// as the anchor computes them. Runs are interleaved with the anchor's and the median of --repeat is printed.
var arguments = Arguments.Parse(args);
string root = RepoPaths.Root;
string edge = arguments.Get("--edge", Path.Combine(root, "host", "Edge.Cli", "bin", "Release", "net10.0", "edge"));
string? anchor = arguments.Find("--anchor");
string dir = arguments.Get("--dir", Path.Combine(Path.GetTempPath(), "edge-replay-bench"));
var sizes = arguments.Get("--rows", "10000,100000,1000000,10000000").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
int repeat = int.Parse(arguments.Get("--repeat", "3"), CultureInfo.InvariantCulture);
Directory.CreateDirectory(dir);

string train = RepoPaths.MotorFlux("train_164V.features.csv");
string profile = Path.Combine(dir, "motor64.edgp");
Measured.Run("/usr/bin/time", ["-o", Path.Combine(dir, "time.txt"), "-f", "%U %S %M", edge, "drift", "profile", "-d", train, "--columns", "f[0-9]*", "-w", "500", "-o", profile], dir);

Console.WriteLine($"edge: {edge}; machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the start");
Console.WriteLine("| rows | command | CPU s (user+sys, median) | peak RSS MB (max) | CPU per 1k rows ms |");
Console.WriteLine("|---:|---|---:|---:|---:|");
foreach (long rows in sizes)
{
    string data = Tiled.Write(RepoPaths.MotorFlux("drift_289V.features.csv"), rows, Path.Combine(dir, $"drift-{rows}"));
    var replay = Enumerable.Range(0, rows >= 1_000_000 ? 1 : repeat).Select(_ => Measured.Run("/usr/bin/time", ["-o", Path.Combine(dir, "time.txt"), "-f", "%U %S %M", edge, "drift", "replay", "--profile", profile, "-d", Path.Combine(data, "drift_289V.features.csv"), "--json"], dir)).ToList();
    Print(rows, "edge drift replay --json", replay);
    if (rows == 100_000 && anchor is not null)
    {
        // The anchor reads DIR/train_164V.features.csv and DIR/drift_289V.features.csv: the same rows.
        File.Copy(train, Path.Combine(data, "train_164V.features.csv"), overwrite: true);
        var python = Enumerable.Range(0, 1).Select(_ => Measured.Run("/usr/bin/time", ["-o", Path.Combine(dir, "time.txt"), "-f", "%U %S %M", "/usr/bin/python3", anchor, data, "500"], dir)).ToList();
        Print(rows, "anchor (numpy/scipy, Evidently's per-window metrics)", python);
        Console.WriteLine($"|  | ratio anchor / edge CPU | {Median(python) / Median(replay):F0}x |  |  |");
    }
    var profiled = Measured.Run("/usr/bin/time", ["-o", Path.Combine(dir, "time.txt"), "-f", "%U %S %M", edge, "drift", "profile", "-d", Path.Combine(data, "drift_289V.features.csv"), "--columns", "f[0-9]*", "-o", Path.Combine(dir, "big.edgp")], dir);
    Print(rows, "edge drift profile (reference of these rows)", [profiled]);
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
