using System.Globalization;
using Edge.Device.Drift;
using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Native.Tests.Support;
using Edge.TestSupport.Models;
using Edge.TestSupport;
using Edge.TestSupport.Native;

// Counts the instructions of the native kernels on each Cortex-M target: QEMU runs the test
// program with -icount shift=0 (one instruction per virtual nanosecond) and the program reads
// the MPS2 FPGA counter around repeated calls, calibrated on a loop of known length (harness.c).
// Per op of every fixture model (its first test row's state), per MAC for the fully connected
// and convolution layers, and per drift sample on the motor-flux profile.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var targets = args.Length > 0 ? args.Select(NativeTarget.Named).ToList() : NativeTarget.All.ToList();
string scratch = RepoPaths.TempDirectory("native-bench");

Console.WriteLine("# Native kernels: instructions counted under QEMU");
Console.WriteLine();
Console.WriteLine($"- {Qemu.Version}; `{Qemu.Executable} {string.Join(' ', Qemu.Arguments(NativeTarget.CortexM7, "harness.elf", "cases.bin", "results.bin", countInstructions: true))}`");
Console.WriteLine($"- {NativeBuild.CompilerVersion(NativeBuild.ArmCompiler)}; flags `{string.Join(' ', NativeBuild.ArmFlags(NativeTarget.CortexM7))}` (-mcpu per target)");
Console.WriteLine();

var perModel = new List<(string Target, string Model, double Instructions, long Macs)>();
foreach (var target in targets)
{
    string program = NativeBuild.Harness(target);
    Console.WriteLine($"## {target} ({target.QemuMachine}{(target.HasDsp ? ", DSP inner loops" : ", portable C")})");
    Console.WriteLine();
    Console.WriteLine("| model | op | kind | shape | MACs | instructions | instructions/MAC |");
    Console.WriteLine("|---|---:|---|---|---:|---:|---:|");
    foreach (string name in FixtureModels.Names)
    {
        var fixture = FixtureModels.Get(name);
        var model = fixture.Model;
        var ops = HarnessOp.Of(model);
        string cases = Path.Combine(scratch, $"{target}-{name}.bin"), results = Path.Combine(scratch, $"{target}-{name}.out");
        var (a8, a32) = GraphRunner.Input(model, fixture.Rows[0]);
        using (var writer = new HarnessCases(cases))
        {
            writer.Graph(model);
            writer.Count(a8, a32);
        }
        Qemu.Run(target, program, cases, results, countInstructions: true, limit: TimeSpan.FromMinutes(20));
        var count = (CountResult)HarnessResults.Read(results).Single();
        if (count.Status != 0) throw new InvalidOperationException($"{name} failed on {target}: status {count.Status}");
        double total = 0;
        long totalMacs = 0;
        for (int i = 0; i < ops.Count; i++)
        {
            double instructions = count.Instructions(i);
            long macs = Macs(ops[i]);
            total += instructions;
            totalMacs += macs;
            string perMac = macs > 0 ? (instructions / macs).ToString("F2") : "";
            Console.WriteLine($"| {name} | {i} | {Kind(ops[i].Code)} | {Shape(ops[i])} | {macs:N0} | {instructions:N0} | {perMac} |");
        }
        Console.WriteLine($"| {name} | all | | | {totalMacs:N0} | {total:N0} | {(totalMacs > 0 ? (total / totalMacs).ToString("F2") : "")} |");
        perModel.Add((target.Name, name, total, totalMacs));
    }
    Console.WriteLine();

    // Every kernel on its own, on shapes of the size the models use (the ones no fixture model has among them).
    Console.WriteLine("| kernel | shape | work | instructions | per unit |");
    Console.WriteLine("|---|---|---:|---:|---:|");
    string kernelCases = Path.Combine(scratch, $"{target}-kernels.bin"), kernelResults = Path.Combine(scratch, $"{target}-kernels.out");
    var synthetic = Synthetic.All();
    using (var writer = new HarnessCases(kernelCases))
    {
        foreach (var k in synthetic)
        {
            writer.Graph(k.Weights, k.Ints, k.Arena8.Length, k.Arena32.Length, [k.Op]);
            writer.Count(k.Arena8, k.Arena32);
        }
    }
    Qemu.Run(target, program, kernelCases, kernelResults, countInstructions: true, limit: TimeSpan.FromMinutes(20));
    var kernelCounts = HarnessResults.Read(kernelResults).Cast<CountResult>().ToList();
    for (int i = 0; i < synthetic.Count; i++)
    {
        if (kernelCounts[i].Status != 0) throw new InvalidOperationException($"{synthetic[i].Name} failed on {target}: status {kernelCounts[i].Status}");
        double instructions = kernelCounts[i].Instructions(0);
        Console.WriteLine($"| {synthetic[i].Name} | {synthetic[i].Shape} | {synthetic[i].Work:N0} {synthetic[i].Unit} | {instructions:N0} | {instructions / synthetic[i].Work:F2} |");
    }
    Console.WriteLine();

    var profile = DriftFixture.Profile;
    var layout = (NativeSampleUpdate)DriftSketchesForLayout(profile);
    string driftCases = Path.Combine(scratch, $"{target}-drift.bin"), driftResults = Path.Combine(scratch, $"{target}-drift.out");
    using (var writer = new HarnessCases(driftCases))
        writer.DriftCount(layout.Layout, layout.Edges, profile.Policy.DecayShift, profile.Policy.DecayBlock, DriftFixture.Samples);
    Qemu.Run(target, program, driftCases, driftResults, countInstructions: true, limit: TimeSpan.FromMinutes(20));
    var drift = (DriftCountResult)HarnessResults.Read(driftResults).Single();
    int columns = profile.Columns.Length;
    Console.WriteLine($"Drift, motor-flux profile ({columns} columns: 64 numeric in 16 bins, 1 categorical), {drift.Samples} samples (test_164V then drift_289V, every 7th anomalous), decay every {profile.Policy.DecayBlock} samples:");
    Console.WriteLine($"{drift.InstructionsPerSample:F1} instructions per sample, {drift.InstructionsPerSample / columns:F2} per sample per column.");
    Console.WriteLine();
}

Directory.Delete(scratch, recursive: true);

static SampleUpdate DriftSketchesForLayout(DriftProfile profile)
{
    // The layout is the one NativeSampleUpdate builds; building it needs the native library on this machine.
    HostNativeLibrary.Activate();
    return DriftFixture.Sketches(native: true).Update;
}

static long Macs(HarnessOp op)
{
    int[] p = op.Parameters;
    switch (op.Code)
    {
        case OpCode.FullyConnected:
            return (long)p[FullyConnectedInt8.Rows] * p[FullyConnectedInt8.InFeatures] * p[FullyConnectedInt8.OutFeatures];
        case OpCode.Conv1D:
            long taps = 0;
            for (int t = 0; t < p[Conv1DInt8.OutLength]; t++)
            {
                int start = t * p[Conv1DInt8.Stride] - p[Conv1DInt8.PadBegin];
                int from = Math.Max(0, -start), to = Math.Min(p[Conv1DInt8.Kernel], p[Conv1DInt8.InLength] - start);
                taps += Math.Max(0, to - from);
            }
            return taps * p[Conv1DInt8.InChannels] * p[Conv1DInt8.OutChannels];
        case OpCode.Conv2D:
            // Taps inside the input only (those in the padding are skipped, as for Conv1D).
            long rowsIn = InsideTaps(p[Conv2DInt8.OutHeight], p[Conv2DInt8.StrideHeight], p[Conv2DInt8.PadTop], p[Conv2DInt8.KernelHeight], p[Conv2DInt8.DilationHeight], p[Conv2DInt8.InHeight]);
            long columnsIn = InsideTaps(p[Conv2DInt8.OutWidth], p[Conv2DInt8.StrideWidth], p[Conv2DInt8.PadLeft], p[Conv2DInt8.KernelWidth], p[Conv2DInt8.DilationWidth], p[Conv2DInt8.InWidth]);
            return rowsIn * columnsIn * (p[Conv2DInt8.InChannels] / p[Conv2DInt8.Groups]) * p[Conv2DInt8.OutChannels];
        case OpCode.MatMul:
            return (long)p[MatMulInt8.Batches] * p[MatMulInt8.Rows] * p[MatMulInt8.Depth] * p[MatMulInt8.Columns];
        case OpCode.Gru:
            return (long)p[GruInt8.Steps] * 3 * p[GruInt8.Hidden] * (p[GruInt8.InputSize] + p[GruInt8.Hidden]);
        case OpCode.Lstm:
            return (long)p[LstmInt8.Steps] * 4 * p[LstmInt8.Hidden] * (p[LstmInt8.InputSize] + p[LstmInt8.Hidden]);
        default:
            return 0;
    }
}

// Over every output position along one axis, the kernel taps that land inside the input.
static long InsideTaps(int outLength, int stride, int pad, int kernel, int dilation, int inLength)
{
    long taps = 0;
    for (int t = 0; t < outLength; t++)
        for (int k = 0; k < kernel; k++)
        {
            int at = t * stride - pad + k * dilation;
            if (at >= 0 && at < inLength) taps++;
        }
    return taps;
}

static string Kind(int code) => RandomKernelCase.Name(code);

static string Shape(HarnessOp op)
{
    int[] p = op.Parameters;
    return op.Code switch
    {
        OpCode.FullyConnected => $"{p[1]}→{p[2]}",
        OpCode.Conv1D => $"{p[0]}×{p[1]} k{p[4]} s{p[5]} → {p[2]}×{p[3]}",
        OpCode.TreeEnsemble => $"{p[1]} trees, {p[4]} nodes",
        OpCode.Conv2D => $"{p[0]}×{p[1]}×{p[2]} k{p[6]}×{p[7]} s{p[8]}×{p[9]} d{p[10]}×{p[11]} g{p[14]} → {p[3]}×{p[4]}×{p[5]}",
        OpCode.Gru or OpCode.Lstm => $"{p[0]} steps × {p[1]} → {p[2]} hidden",
        OpCode.MatMul => $"{p[0]}×{p[1]}×{p[2]} · {p[2]}×{p[3]}",
        _ => $"{p[0]}",
    };
}

/// <summary>One op with its data, on a shape like the models', for the per-kernel table.</summary>
sealed record SyntheticKernel(string Name, string Shape, long Work, string Unit, HarnessOp Op, sbyte[] Weights, int[] Ints, sbyte[] Arena8, int[] Arena32);

static class Synthetic
{
    public static List<SyntheticKernel> All()
    {
        var random = new Random(5);
        sbyte[] Bytes(int n) => Enumerable.Range(0, n).Select(_ => (sbyte)random.Next(-128, 128)).ToArray();
        int[] Multipliers(int n) => Enumerable.Range(0, n).Select(_ => (1 << 30) + random.Next(1 << 30)).ToArray();
        int[] Shifts(int n) => Enumerable.Range(0, n).Select(_ => -random.Next(6, 12)).ToArray();
        int[] Biases(int n) => Enumerable.Range(0, n).Select(_ => random.Next(-5000, 5000)).ToArray();
        var list = new List<SyntheticKernel>();

        // FullyConnected 128 -> 32.
        int depth = 128, channels = 32;
        list.Add(new("FullyConnected", "128→32", depth * channels, "MACs",
            new HarnessOp(OpCode.FullyConnected, 0, 0, depth, [1, depth, channels, 0, 0, channels, 2 * channels, -3, -128, 127]),
            Bytes(depth * channels), [.. Biases(channels), .. Multipliers(channels), .. Shifts(channels)], Bytes(depth + channels), []));

        // Conv1D 8x64, kernel 5, stride 1, "same" padding (2 each side), 8 output channels.
        int inCh = 8, len = 64, outCh = 8, k = 5;
        list.Add(new("Conv1D", "8×64 k5 s1 pad 2 → 8×64", (long)outCh * inCh * (len * k - 2 * 3), "MACs",
            new HarnessOp(OpCode.Conv1D, 0, 0, inCh * len, [inCh, len, outCh, len, k, 1, 2, 0, 0, outCh, 2 * outCh, 5, -2, -128, 127]),
            Bytes(outCh * inCh * k), [.. Biases(outCh), .. Multipliers(outCh), .. Shifts(outCh)], Bytes(inCh * len + outCh * len), []));

        // Pools over 16 channels of 64: kernel 4, stride 4.
        list.Add(new("MaxPool1D", "16×64 k4 s4", 16 * 64, "inputs",
            new HarnessOp(OpCode.MaxPool1D, 0, 0, 16 * 64, [16, 64, 16, 4, 4, 0, -128, 127]), [], [], Bytes(16 * 64 + 16 * 16), []));
        list.Add(new("AveragePool1D", "16×64 k4 s4", 16 * 64, "inputs",
            new HarnessOp(OpCode.AveragePool1D, 0, 0, 16 * 64, [16, 64, 16, 4, 4, 0, 0, -128, 127]), [], [], Bytes(16 * 64 + 16 * 16), []));

        // Element-wise ops over 256 elements.
        int n = 256;
        list.Add(new("Clamp", "256", n, "elements", new HarnessOp(OpCode.Clamp, 0, 0, n, [n, -10, 100]), [], [], Bytes(2 * n), []));
        list.Add(new("Add", "256 + 256", n, "elements",
            new HarnessOp(OpCode.Add, 0, n, 2 * n, [n, 7, -3, 20, Multipliers(1)[0], -1, Multipliers(1)[0], -2, Multipliers(1)[0], -19, 4, -128, 127]),
            [], [], Bytes(3 * n), []));
        list.Add(new("Mul", "256 × 256", n, "elements",
            new HarnessOp(OpCode.Mul, 0, n, 2 * n, [n, 7, -3, Multipliers(1)[0], -9, 4, -128, 127]), [], [], Bytes(3 * n), []));
        list.Add(new("LookupTable", "256", n, "elements", new HarnessOp(OpCode.LookupTable, 0, 0, n, [n, 0]), Bytes(256), [], Bytes(2 * n), []));
        list.Add(new("Reshape", "256 (copy)", n, "elements", new HarnessOp(OpCode.Reshape, 0, 0, n, [n]), [], [], Bytes(2 * n), []));

        // Softmax over 8 rows of 10 classes, a table for input scale 0.1.
        int[] exp = Enumerable.Range(0, 256).Select(d => (int)Math.Round(Math.Exp(-d * 0.1) * (1 << 15))).ToArray();
        list.Add(new("Softmax", "8 rows × 10", 80, "elements", new HarnessOp(OpCode.Softmax, 0, 0, 80, [8, 10, 0]), [], exp, Bytes(160), []));
        return list;
    }
}
