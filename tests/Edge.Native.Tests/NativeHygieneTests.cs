using Edge.TestSupport;
using Edge.TestSupport.Native;

namespace Edge.Native.Tests;

/// <summary>
/// What the C may ask of a firmware it is linked into: no heap, no floating point, no printf;
/// only memmove and the compiler's own integer helpers (on a Cortex-M0, which lacks a divide and
/// a 64-bit multiply); a stack frame that fits nanoFramework's CLR thread (4 KB on the Nucleo
/// targets) many times over. And the Cortex-M4/M7 builds really use the DSP instructions.
/// </summary>
[TestClass]
public sealed class NativeHygieneTests
{
    private static readonly HashSet<string> Allowed = ["memmove", "__aeabi_idiv", "__aeabi_uidiv", "__aeabi_idivmod", "__aeabi_lmul", "__aeabi_llsl", "__aeabi_llsr", "__aeabi_lasr"];

    [TestMethod]
    [DataRow("cortex-m4", DisplayName = "Cortex-M4 (DSP)")]
    [DataRow("cortex-m7", DisplayName = "Cortex-M7 (DSP)")]
    [DataRow("cortex-m0", DisplayName = "Cortex-M0 (NUCLEO-F091RC: portable C)")]
    public void TheKernelsNeedNoHeapNoFloatingPointAndLittleStack(string cpu)
    {
        string folder = RepoPaths.TempDirectory($"hygiene-{cpu}");
        string compiler = NativeBuild.ArmCompiler;
        string include = Path.Combine(NativeBuild.SourceRoot, "include");
        foreach (string source in Directory.GetFiles(Path.Combine(NativeBuild.SourceRoot, "src"), "*.c"))
        {
            var log = new List<string>();
            string output = Path.Combine(folder, Path.GetFileNameWithoutExtension(source) + ".o");
            int exit = ToolProcess.Run(compiler, [$"-mcpu={cpu}", "-mthumb", "-O2", "-std=c11", "-Wall", "-Wextra", "-Werror", "-fstack-usage", "-I", include, "-c", source, "-o", output], log, TimeSpan.FromMinutes(2));
            Assert.AreEqual(0, exit, $"{source} does not compile for {cpu}:\n{string.Join('\n', log)}");
        }
        var objects = Directory.GetFiles(folder, "*.o");
        var defined = Symbols(objects, "--defined-only").ToHashSet();
        var undefined = Symbols(objects, "-u").Where(s => !defined.Contains(s)).ToHashSet();
        var unexpected = undefined.Where(s => !Allowed.Contains(s)).Order().ToList();
        Assert.IsEmpty(unexpected, $"the kernels for {cpu} call {string.Join(", ", unexpected)}");
        var frames = Directory.GetFiles(folder, "*.su").SelectMany(File.ReadAllLines)
            .Select(line => line.Split('\t')).Select(f => (Function: f[0], Bytes: int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var largest = frames.MaxBy(f => f.Bytes);
        Assert.IsLessThanOrEqualTo(1024, largest.Bytes, $"largest stack frame on {cpu}: {largest.Function} {largest.Bytes} B");
        Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    public void TheDspBuildsMultiplyTwoPairsPerInstructionAndThePortableBuildDoesNot()
    {
        foreach (var target in NativeTarget.All)
        {
            var log = new List<string>();
            ToolProcess.Run("arm-none-eabi-objdump", ["-d", NativeBuild.Harness(target)], log, TimeSpan.FromMinutes(2));
            int dualMacs = log.Count(l => l.Contains("\tsmlad\t", StringComparison.Ordinal));
            if (target.HasDsp) Assert.IsGreaterThan(8, dualMacs, $"{target}: SMLAD in the dot products");
            else Assert.AreEqual(0, dualMacs, $"{target}: no DSP instructions on a core without them");
        }
    }

    private static IEnumerable<string> Symbols(string[] objects, string option)
    {
        var log = new List<string>();
        ToolProcess.Run("arm-none-eabi-nm", [option, .. objects], log, TimeSpan.FromMinutes(1));
        return log.Select(l => l.Trim().Split(' ')).Where(f => f.Length >= 2 && !f[^1].EndsWith(':')).Select(f => f[^1]);
    }
}
