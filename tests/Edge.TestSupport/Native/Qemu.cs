namespace Edge.TestSupport.Native;

/// <summary>
/// Runs the native kernels' bare-metal test program on Debian's qemu-system-arm (installed when
/// missing) with semihosting: it reads a cases file and writes a results file
/// (firmware/Edge.Native/qemu/harness.c). With <c>countInstructions</c>, QEMU runs with
/// -icount shift=0: one instruction per virtual nanosecond, which the program reads off the
/// MPS2 FPGA counter.
/// </summary>
public static class Qemu
{
    public static string Executable => DebianPackage.Ensure("qemu-system-arm", "qemu-system-arm");

    /// <summary>The command line of a run, for provenance and failure messages.</summary>
    public static IReadOnlyList<string> Arguments(NativeTarget target, string program, string cases, string results, bool countInstructions)
    {
        var arguments = new List<string> { "-M", target.QemuMachine, "-nographic", "-monitor", "none", "-serial", "none" };
        if (countInstructions) arguments.AddRange(["-icount", "shift=0,align=off,sleep=off"]);
        arguments.AddRange(["-semihosting-config", "enable=on,target=native", "-kernel", program, "-append", $"{cases} {results}"]);
        return arguments;
    }

    /// <summary>Runs the program on <paramref name="cases"/>; fails the test with QEMU's output unless it exits 0.</summary>
    public static void Run(NativeTarget target, string program, string cases, string results, bool countInstructions = false, TimeSpan? limit = null)
    {
        var arguments = Arguments(target, program, cases, results, countInstructions);
        var log = new List<string>();
        int exit = ToolProcess.Run(Executable, arguments, log, limit ?? TimeSpan.FromMinutes(5));
        if (exit != 0)
            throw new AssertFailedException($"the native test program failed on {target} (exit {exit}: {Meaning(exit)}): " +
                $"{Executable} {string.Join(' ', arguments)}\n{string.Join('\n', log.TakeLast(20))}");
    }

    /// <summary>The first line of <c>qemu-system-arm --version</c>.</summary>
    public static string Version => NativeBuild.CompilerVersion(Executable);

    private static string Meaning(int exit) => exit switch
    {
        90 => "processor fault",
        91 => "no cases and results file on the command line",
        92 => "a file could not be opened, read or written",
        93 => "malformed cases file",
        94 => "out of memory",
        -1 => "did not start or ran too long",
        _ => "unknown",
    };
}
