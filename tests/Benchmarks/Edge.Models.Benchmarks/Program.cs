using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Edge.Device.Inference;
using Edge.Inference.Simd;
using Edge.Models.Import;
using Edge.Models.Verification;
using Edge.TestSupport.Models;
using Edge.TestSupport.Native;

// Every fixture model (FixtureModels: converted on train_164V, 500 of its test_164V rows), one
// inference at a time: the int8 device engine (set input, invoke, read output) on each kernel
// set, and ONNX Runtime's float session (one row per Run, one thread). The engines take turns
// round by round (interleaved, so load on this shared machine hits them alike); each figure is
// the median of 15 rounds of 500 rows after a warm-up, in this process's CPU time
// (CLOCK_PROCESS_CPUTIME_ID: what the engines cost, not the time other processes held the
// cores), with wall-clock medians beside. Figures are for this machine only.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const int Rows = 500, Rounds = 15;

HostNativeLibrary.Activate();
var sets = new List<Int8Kernels> { Int8Kernels.Reference, new NativeInt8Kernels() };
sets.AddRange(SimdIsas.ByPreference.Where(SimdIsas.IsSupported).Select(isa => (Int8Kernels)new SimdInt8Kernels(isa)));

Console.WriteLine("# Int8 engine per kernel set vs ONNX Runtime float, ns per inference");
Console.WriteLine();
Console.WriteLine($"- {Environment.ProcessorCount} logical cores; .NET {Environment.Version}; ONNX Runtime {typeof(Microsoft.ML.OnnxRuntime.InferenceSession).Assembly.GetName().Version}");
Console.WriteLine($"- x86 features the runtime reports: AVX2 {Avx2.IsSupported}, AVX-VNNI {AvxVnni.IsSupported}, AVX-512F {Avx512F.IsSupported}, AVX-512BW {Avx512BW.IsSupported}, AVX10v1 {Avx10v1.IsSupported}");
Console.WriteLine($"- the host engine's default set (model verify, simulated boards): {HostInt8Kernels.Fastest.Name}");
Console.WriteLine($"- load average at start: {LoadAverage()}");
Console.WriteLine();
var hostSet = sets.FindIndex(s => s.Name == HostInt8Kernels.Fastest.Name);
Console.WriteLine("CPU ns per inference (wall-clock ns for the host's set and ONNX Runtime at the end):");
Console.WriteLine();
Console.WriteLine($"| model | MACs | {string.Join(" | ", sets.Select(s => s.Name))} | ONNX Runtime float | {sets[hostSet].Name} / ORT | wall {sets[hostSet].Name} | wall ORT |");
Console.WriteLine($"|---|---:|{string.Concat(sets.Select(_ => "---:|"))}---:|---:|---:|---:|");
foreach (string name in FixtureModels.Names)
{
    var fixture = FixtureModels.Get(name);
    var rows = fixture.Rows.Take(Rows).ToArray();
    var graph = OnnxImporter.Import(fixture.OnnxPath);
    using var ort = new OnnxRuntimeModel(fixture.OnnxPath, graph.Inputs[0].OnnxName, graph.Inputs[0].OnnxShape, [graph.Outputs[0].OnnxName]);
    var engines = sets.Select(set => new DeviceEngine(new Interpreter(fixture.Model, 0, set)))
        .Select(e => (Action<float[]>)(row => e.Run(row))).Append(row => ort.RunOne(row)).ToList();
    var (cpu, wall) = Interleaved(rows, engines);
    Console.WriteLine($"| {name} | {fixture.Macs:N0} | {string.Join(" | ", cpu.Select(t => t.ToString("N0")))} | {cpu[hostSet] / cpu[^1]:F2} | {wall[hostSet]:N0} | {wall[^1]:N0} |");
}
Console.WriteLine();
Console.WriteLine($"- load average at end: {LoadAverage()}");

static (double[] Cpu, double[] Wall) Interleaved(float[][] rows, List<Action<float[]>> engines)
{
    foreach (var infer in engines)
        for (int i = 0; i < 2 * rows.Length; i++) infer(rows[i % rows.Length]);
    var cpu = engines.Select(_ => new List<double>()).ToList();
    var wall = engines.Select(_ => new List<double>()).ToList();
    for (int round = 0; round < Rounds; round++)
    {
        for (int e = 0; e < engines.Count; e++)
        {
            long start = ProcessCpu.Nanoseconds();
            var watch = Stopwatch.StartNew();
            foreach (var row in rows) engines[e](row);
            wall[e].Add(watch.Elapsed.TotalNanoseconds / rows.Length);
            cpu[e].Add((ProcessCpu.Nanoseconds() - start) / (double)rows.Length);
        }
    }
    return (cpu.Select(Median).ToArray(), wall.Select(Median).ToArray());
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

/// <summary>CPU time of this process (all its threads), from clock_gettime(CLOCK_PROCESS_CPUTIME_ID).</summary>
internal static class ProcessCpu
{
    private const int ClockProcessCpuTime = 2;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    public static long Nanoseconds()
    {
        if (ClockGetTime(ClockProcessCpuTime, out var time) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed");
        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }
}
