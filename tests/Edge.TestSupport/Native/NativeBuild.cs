using System.Security.Cryptography;
using System.Text;

namespace Edge.TestSupport.Native;

/// <summary>
/// Builds the native kernels (firmware/Edge.Native) from the committed sources: a shared library
/// for this machine with gcc, and the bare-metal test program for each Cortex-M target with
/// Debian's arm-none-eabi gcc and newlib, installing either when missing. Outputs are cached
/// under the temp folder by a hash of the sources, the flags and the compiler's version, and
/// written under a temporary name first, so parallel test processes never see half a file.
/// </summary>
public static class NativeBuild
{
    public static string SourceRoot => Path.Combine(RepoPaths.Root, "firmware", "Edge.Native");

    /// <summary>gcc flags of the host library (after them: the sources, -o).</summary>
    public static IReadOnlyList<string> HostFlags { get; } =
        ["-std=c11", "-O2", "-Wall", "-Wextra", "-Werror", "-fPIC", "-shared"];

    /// <summary>arm-none-eabi-gcc flags of the test program for <paramref name="target"/>.</summary>
    public static IReadOnlyList<string> ArmFlags(NativeTarget target) =>
        [$"-mcpu={target.Cpu}", "-mthumb", "-O2", "-std=c11", "-Wall", "-Wextra", "-Werror", "-ffunction-sections", "-fdata-sections",
         "-nostartfiles", "--specs=nano.specs", "-Wl,--gc-sections"];

    private static readonly Lazy<string> HostLibraryPath = new(BuildHostLibrary);
    private static readonly Dictionary<string, Lazy<string>> Harnesses = NativeTarget.All.ToDictionary(
        t => t.Name, t => new Lazy<string>(() => BuildHarness(t)));

    /// <summary>The host shared library (libedgenative.so), built on first use.</summary>
    public static string HostLibrary => HostLibraryPath.Value;

    /// <summary>The test program (an ELF for QEMU) for <paramref name="target"/>, built on first use.</summary>
    public static string Harness(NativeTarget target) => Harnesses[target.Name].Value;

    public static string HostCompiler => DebianPackage.Ensure("gcc", "gcc");

    public static string ArmCompiler
    {
        get
        {
            // newlib is a package of its own: without it the compiler exists but cannot link.
            DebianPackage.Ensure("/usr/lib/arm-none-eabi/newlib/nano.specs", "gcc-arm-none-eabi", "libnewlib-arm-none-eabi");
            return DebianPackage.Ensure("arm-none-eabi-gcc", "gcc-arm-none-eabi", "libnewlib-arm-none-eabi");
        }
    }

    /// <summary>The first line of <c>compiler --version</c>, for provenance.</summary>
    public static string CompilerVersion(string compiler)
    {
        var log = new List<string>();
        ToolProcess.Run(compiler, ["--version"], log, TimeSpan.FromMinutes(1));
        return log.FirstOrDefault() ?? compiler;
    }

    private static string[] Sources(string folder) =>
        Directory.GetFiles(Path.Combine(SourceRoot, folder), "*.c").Order(StringComparer.Ordinal).ToArray();

    private static string BuildHostLibrary()
    {
        string compiler = HostCompiler;
        var arguments = HostFlags.Concat(["-I", Path.Combine(SourceRoot, "include")]).Concat(Sources("src")).ToList();
        return Build(compiler, arguments, "host", "libedgenative.so", ["src", "include"]);
    }

    private static string BuildHarness(NativeTarget target)
    {
        string compiler = ArmCompiler;
        var arguments = ArmFlags(target)
            .Concat(["-I", Path.Combine(SourceRoot, "include"), "-I", Path.Combine(SourceRoot, "qemu"), "-T", Path.Combine(SourceRoot, "qemu", "mps2.ld")])
            .Concat(Sources("src")).Concat(Sources("qemu")).ToList();
        return Build(compiler, arguments, target.Name, "harness.elf", ["src", "include", "qemu"]);
    }

    private static string Build(string compiler, List<string> arguments, string kind, string fileName, string[] folders)
    {
        string key = Key(compiler, arguments, folders);
        string folder = Path.Combine(Path.GetTempPath(), "edge-native", $"{kind}-{key}");
        string output = Path.Combine(folder, fileName);
        if (File.Exists(output)) return output;
        Directory.CreateDirectory(folder);
        string partial = Path.Combine(folder, $"{fileName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var log = new List<string>();
        int exit = ToolProcess.Run(compiler, [.. arguments, "-o", partial], log, TimeSpan.FromMinutes(5));
        if (exit != 0 || !File.Exists(partial))
            throw new AssertFailedException($"building the native kernels ({kind}) failed: {compiler} {string.Join(' ', arguments)}\n{string.Join('\n', log)}");
        File.Move(partial, output, overwrite: true);
        return output;
    }

    private static string Key(string compiler, IEnumerable<string> arguments, string[] folders)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(CompilerVersion(compiler) + "\n" + string.Join('\n', arguments)));
        foreach (string folder in folders)
        foreach (string file in Directory.GetFiles(Path.Combine(SourceRoot, folder)).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file)));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }
}
