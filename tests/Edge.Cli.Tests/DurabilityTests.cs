using System.Text.RegularExpressions;
using Edge.TestSupport;

namespace Edge.Cli.Tests;

/// <summary>
/// A file edge says it wrote is on disk: the real system calls of `edge drift profile -o`, traced
/// with strace, show the data synced (fsync) before the rename that puts it in place, and the
/// folder synced after it. (Edge.Common.Tests checks the same order, and every failure, through
/// a fault-injecting seam; this checks that the seam is what the process really does.)
/// </summary>
[TestClass]
public sealed partial class DurabilityTests
{
    [TestMethod]
    public void AWrittenFileIsSyncedBeforeAndAfterItsRename()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("strace is Linux");
        string strace = DebianPackage.Ensure("strace", "strace");
        string folder = RepoPaths.TempDirectory("durable");
        string target = Path.Combine(folder, "motor.edgp");
        string trace = Path.Combine(folder, "trace.txt");
        var run = EdgeProcess.Run(["drift", "profile", "-d", RepoPaths.MotorFlux("train_164V.features.csv"), "--columns", "f1*", "-o", target],
            wrapper: strace, wrapperArgs: ["-f", "-y", "-e", "trace=fsync,fdatasync,rename,renameat,renameat2", "-o", trace]);
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var calls = File.ReadAllLines(trace).Where(l => !l.Contains("resumed>", StringComparison.Ordinal) && !l.Contains("<unfinished", StringComparison.Ordinal)).ToList();
        int rename = calls.FindIndex(l => Rename().Match(l) is { Success: true } m && m.Groups[2].Value == target);
        Assert.IsTrue(rename >= 0, "no rename onto the target:\n" + string.Join('\n', calls));
        string temporary = Rename().Match(calls[rename]).Groups[1].Value;
        StringAssert.StartsWith(Path.GetFileName(temporary), ".motor.edgp.", "a hidden temporary file beside the target");
        Assert.IsTrue(calls.Take(rename).Any(l => Sync().Match(l) is { Success: true } m && m.Groups[1].Value == temporary),
            "the data was not synced before the rename:\n" + string.Join('\n', calls));
        Assert.IsTrue(calls.Skip(rename + 1).Any(l => Sync().Match(l) is { Success: true } m && m.Groups[1].Value == folder),
            "the folder was not synced after the rename:\n" + string.Join('\n', calls));
    }

    // 1234  rename("/tmp/x/.motor.edgp.host.1234.tmp", "/tmp/x/motor.edgp") = 0   (or renameat/renameat2 with directory fds)
    [GeneratedRegex(@"rename(?:at2?)?\((?:[^,]*, )?""([^""]+)"", (?:[^,]*, )?""([^""]+)""")]
    private static partial Regex Rename();

    // 1234  fsync(5</tmp/x/.motor.edgp.host.1234.tmp>) = 0
    [GeneratedRegex(@"f(?:data)?sync\(\d+<([^>]+)>\) = 0")]
    private static partial Regex Sync();
}
