using System.Diagnostics;
using System.Globalization;
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
// round by round (interleaved, so load on this shared machine hits them alike); the figure is
// the median of 15 rounds of 500 rows after a warm-up. Figures are for this machine only.
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
Console.WriteLine($"| model | MACs | {string.Join(" | ", sets.Select(s => s.Name))} | ONNX Runtime float | best int8 / ORT |");
Console.WriteLine($"|---|---:|{string.Concat(sets.Select(_ => "---:|"))}---:|---:|");
foreach (string name in FixtureModels.Names)
{
    var fixture = FixtureModels.Get(name);
    var rows = fixture.Rows.Take(Rows).ToArray();
    var graph = OnnxImporter.Import(fixture.OnnxPath);
    using var ort = new OnnxRuntimeModel(fixture.OnnxPath, graph.Inputs[0].OnnxName, graph.Inputs[0].OnnxShape, [graph.Outputs[0].OnnxName]);
    var engines = sets.Select(set => new DeviceEngine(new Interpreter(fixture.Model, 0, set)))
        .Select(e => (Action<float[]>)(row => e.Run(row))).Append(row => ort.RunOne(row)).ToList();
    var times = Interleaved(rows, engines);
    double ortTime = times[^1], best = times.Take(sets.Count).Skip(2).DefaultIfEmpty(times[0]).Min();
    Console.WriteLine($"| {name} | {fixture.Macs:N0} | {string.Join(" | ", times.Select(t => t.ToString("N0")))} | {best / ortTime:F2} |");
}
Console.WriteLine();
Console.WriteLine($"- load average at end: {LoadAverage()}");

static double[] Interleaved(float[][] rows, List<Action<float[]>> engines)
{
    foreach (var infer in engines)
        for (int i = 0; i < 2 * rows.Length; i++) infer(rows[i % rows.Length]);
    var rounds = engines.Select(_ => new List<double>()).ToList();
    for (int round = 0; round < Rounds; round++)
    {
        for (int e = 0; e < engines.Count; e++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var row in rows) engines[e](row);
            rounds[e].Add(watch.Elapsed.TotalNanoseconds / rows.Length);
        }
    }
    return rounds.Select(r => r.Order().ElementAt(r.Count / 2)).ToArray();
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
