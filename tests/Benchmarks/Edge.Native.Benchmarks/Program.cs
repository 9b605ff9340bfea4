using System.Globalization;
using Edge.Device.Drift;
using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Native.Tests.Support;
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
    foreach (string name in NativeFixtures.Names)
    {
        var fixture = NativeFixtures.Get(name);
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
        default:
            return 0;
    }
}

static string Kind(int code) => code switch
{
    OpCode.FullyConnected => "FullyConnected", OpCode.Conv1D => "Conv1D", OpCode.MaxPool1D => "MaxPool1D",
    OpCode.AveragePool1D => "AveragePool1D", OpCode.Clamp => "Clamp", OpCode.Add => "Add", OpCode.Mul => "Mul",
    OpCode.LookupTable => "LookupTable", OpCode.Softmax => "Softmax", OpCode.Reshape => "Reshape",
    OpCode.TreeEnsemble => "TreeEnsemble", _ => code.ToString(CultureInfo.InvariantCulture),
};

static string Shape(HarnessOp op)
{
    int[] p = op.Parameters;
    return op.Code switch
    {
        OpCode.FullyConnected => $"{p[1]}→{p[2]}",
        OpCode.Conv1D => $"{p[0]}×{p[1]} k{p[4]} s{p[5]} → {p[2]}×{p[3]}",
        OpCode.TreeEnsemble => $"{p[1]} trees, {p[4]} nodes",
        _ => $"{p[0]}",
    };
}
