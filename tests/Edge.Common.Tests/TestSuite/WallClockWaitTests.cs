using System.Text.RegularExpressions;
using Edge.TestSupport;

namespace Edge.Common.Tests.TestSuite;

/// <summary>
/// Issue 19: no test waits on wall-clock time. Scans every C# file under tests/ (not the
/// benchmarks, which measure time on purpose, nor bin/obj) for sleeps, finite delays, spin waits,
/// real timers and stopwatches, and fails naming file:line for any outside the allow-list below.
/// Each allowed use waits for a state or an external process and says why (tests/README.md,
/// "Waits that remain"); its deadline bounds a failure and never decides a pass.
/// </summary>
[TestClass]
public sealed partial class WallClockWaitTests
{
    /// <summary>The kinds of wall-clock wait looked for, each with the pattern that finds it (comments and string literals are not scanned).</summary>
    private static readonly (string Kind, Regex Pattern)[] Kinds =
    [
        ("Thread.Sleep", SleepPattern()),
        ("Task.Delay with a finite time", DelayPattern()),
        ("SpinWait", SpinWaitPattern()),
        ("a real timer", TimerPattern()),
        ("Stopwatch", StopwatchPattern()),
        ("Environment.TickCount", TickCountPattern()),
    ];

    /// <summary>Where a wait may stay, and why. An entry nothing matches any more fails too, so the list stays true.</summary>
    private static readonly (string File, string Kind, string Why)[] Allowed =
    [
        ("tests/Edge.TestSupport/Eventually.cs", "Task.Delay with a finite time",
            "the poll interval of the one helper that waits for a state changed on another thread; its deadline bounds a failure"),
        ("tests/Edge.TestSupport/Tools/ServerProcess.cs", "Thread.Sleep",
            "between connection attempts to an external server we started (PostgreSQL, mosquitto) until it listens"),
        ("tests/Edge.PlcBridge.Tests/Metrics/PrometheusAlertTests.cs", "Task.Delay with a finite time",
            "polls an external Prometheus process, which evaluates its rules on its own clock"),
        ("tests/Edge.PlcBridge.Tests/Metrics/PrometheusAlertTests.cs", "Stopwatch",
            "the deadline of that poll of an external Prometheus process"),
        ("tests/Edge.Fleet.Tests/Jobs/WorkerOutageTests.cs", "Task.Delay with a finite time",
            "polls for a state external worker processes reach (PostgreSQL, spool folders)"),
        ("tests/Edge.Fleet.Tests/Support/SimulatedFleet.cs", "Task.Delay with a finite time",
            "polls the run archive for results external worker processes write"),
        ("tests/Edge.Ads.Tests/Robustness/HostileInputTests.cs", "Stopwatch",
            "only printed with the frame counts, never asserted"),
    ];

    [TestMethod]
    public void NoTestWaitsOnWallClockTimeOutsideTheAllowList()
    {
        var found = ScanTests();
        Assert.IsNotEmpty(found, "premise: the scan reads the test sources (the allowed waits at least)");
        var unexpected = found.Where(f => !Allowed.Any(a => a.File == f.File && a.Kind == f.Kind)).ToList();
        Assert.IsEmpty(unexpected, "waits on wall-clock time in tests (prove absence by state, drive time with a FakeTimeProvider, " +
            "or wait for a state with Eventually; see tests/README.md):\n" + string.Join('\n', unexpected.Select(f => $"{f.File}:{f.Line}: {f.Kind}: {f.Text}")));
        var unused = Allowed.Where(a => !found.Any(f => f.File == a.File && f.Kind == a.Kind)).ToList();
        Assert.IsEmpty(unused, "allow-list entries nothing matches any more (remove them):\n" + string.Join('\n', unused.Select(a => $"{a.File}: {a.Kind}")));
    }

    /// <summary>Each pattern finds its wait, and leaves alone comments and waits that are no time at all.</summary>
    [TestMethod]
    [DataRow("Thread.Sleep", "        Thread" + ".Sleep(10);")]
    [DataRow("Thread.Sleep", "System.Threading.Thread" + ".Sleep (TimeSpan.FromMilliseconds(5));")]
    [DataRow("Task.Delay with a finite time", "await Task" + ".Delay(20);")]
    [DataRow("Task.Delay with a finite time", "await Task" + ".Delay(TimeSpan.FromSeconds(1), token);")]
    [DataRow("SpinWait", "SpinWait" + ".SpinUntil(() => done, 100);")]
    [DataRow("a real timer", "using var t = new System.Threading." + "Timer(_ => { }, null, 10, 10);")]
    [DataRow("a real timer", "using var t = new Periodic" + "Timer(TimeSpan.FromMilliseconds(10));")]
    [DataRow("Stopwatch", "var clock = Stop" + "watch.StartNew();")]
    [DataRow("Environment.TickCount", "long start = Environment" + ".TickCount64;")]
    public void EachKindOfWaitIsFound(string kind, string line) =>
        CollectionAssert.AreEqual(new[] { kind }, KindsIn(line).ToArray(), line);

    [TestMethod]
    [DataRow("// no Thread" + ".Sleep(10) here: absence is proved by state")]
    [DataRow("/// <summary>Never Task" + ".Delay(20) to prove an absence.</summary>")]
    [DataRow("return Task" + ".Delay(Timeout.Infinite, token);")]
    [DataRow("await Task" + ".Delay(System.Threading.Timeout.InfiniteTimeSpan, token);")]
    [DataRow("time.Advance(TimeSpan.FromMilliseconds(10));")]
    public void CommentsAndEndlessWaitsAreNotFound(string line) =>
        Assert.IsEmpty(KindsIn(line).ToArray(), line);

    // String literals are blanked first (the kinds' own names here, a URL's //), then comments cut.
    private static IEnumerable<string> KindsIn(string line)
    {
        string code = StringLiteralPattern().Replace(line, "\"\"");
        int comment = code.IndexOf("//", StringComparison.Ordinal);
        if (comment >= 0) code = code[..comment];
        return Kinds.Where(k => k.Pattern.IsMatch(code)).Select(k => k.Kind);
    }

    private static List<(string File, int Line, string Kind, string Text)> ScanTests()
    {
        string tests = Path.Combine(RepoPaths.Root, "tests");
        var found = new List<(string, int, string, string)>();
        foreach (string path in Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');
            if (Excluded(relative)) continue;
            string[] lines = File.ReadAllLines(path);
            for (int i = 0; i < lines.Length; i++)
            {
                foreach (string kind in KindsIn(lines[i]))
                    found.Add((relative, i + 1, kind, lines[i].Trim()));
            }
        }
        return found;
    }

    // Benchmarks measure time on purpose (their figures go to the READMEs); build output is not source.
    private static bool Excluded(string relative) =>
        relative.StartsWith("tests/Benchmarks/", StringComparison.Ordinal)
        || relative.Split('/').Any(part => part is "bin" or "obj");

    [GeneratedRegex(@"@""(?:[^""]|"""")*""|""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiteralPattern();

    [GeneratedRegex(@"\bThread\s*\.\s*Sleep\s*\(")]
    private static partial Regex SleepPattern();

    [GeneratedRegex(@"\bTask\s*\.\s*Delay\s*\((?!\s*(System\.Threading\.)?Timeout\.Infinite)")]
    private static partial Regex DelayPattern();

    [GeneratedRegex(@"\bSpinWait\b")]
    private static partial Regex SpinWaitPattern();

    [GeneratedRegex(@"\bnew\s+(System\.Threading\.)?(Timer|PeriodicTimer)\s*\(")]
    private static partial Regex TimerPattern();

    [GeneratedRegex(@"\bStopwatch\b")]
    private static partial Regex StopwatchPattern();

    [GeneratedRegex(@"\bEnvironment\s*\.\s*TickCount")]
    private static partial Regex TickCountPattern();
}
