using System.Globalization;
using Edge.TestSupport;

namespace Edge.Cli.Tests;

/// <summary>
/// Under a German locale (common on TwinCAT engineering PCs: decimal comma) every number typed
/// or written by edge means the same as anywhere else: `--threshold 0.2` is 0.2, not 2. Checked in
/// the real process started with LANG/LC_ALL=de_DE.UTF-8 (.NET takes its culture from them, with
/// ICU's data; no glibc locale is needed) and in-process with CultureInfo set to de-DE: both give
/// byte for byte what the invariant culture gives.
/// </summary>
[TestClass]
public sealed class LocaleTests
{
    private static readonly Dictionary<string, string> German = new() { ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8" };

    private static string[][] Commands(string folder) =>
    [
        ["drift", "profile", "-d", RepoPaths.MotorFlux("train_164V.features.csv"), "--columns", "f1*", "--threshold", "0.2", "--drift-share", "0.25", "-o", Path.Combine(folder, "p.edgp")],
        ["drift", "replay", "--profile", Path.Combine(folder, "p.edgp"), "-d", RepoPaths.MotorFlux("drift_289V.features.csv"), "--anomaly-column", "f3", "--anomaly-threshold", "0.5", "--json"],
        ["model", "verify", Path.Combine(folder, "m.edgem"), "--onnx", RepoPaths.MotorFlux("flux_mlp.onnx"), "-d", RepoPaths.MotorFlux("test_164V.features.csv"), "--threshold", "0.7"],
        ["model", "inspect", Path.Combine(folder, "m.edgem")],
        ["pwr", "measure", "-p", "tcp://127.0.0.1:1", "--volt", "3.25"],
    ];

    private static string Prepare()
    {
        string folder = RepoPaths.TempDirectory("locale");
        Assert.AreEqual(0, CliRun.Of("model", "convert", RepoPaths.MotorFlux("flux_mlp.onnx"), "--calib", RepoPaths.MotorFlux("train_164V.features.csv"), "-o", Path.Combine(folder, "m.edgem")).ExitCode);
        return folder;
    }

    private static string Normal(CliRun run, string folder) => $"exit {run.ExitCode}\n{run.Out}\n{run.Error}".Replace(folder, "<folder>", StringComparison.Ordinal);

    [TestMethod]
    public void TheGermanLocaleIsRealHere()
    {
        // Otherwise the tests below could pass without ever meeting a decimal comma (e.g. invariant globalization mode).
        Assert.AreEqual(",", CultureInfo.GetCultureInfo("de-DE").NumberFormat.NumberDecimalSeparator);
        Assert.IsNull(Environment.GetEnvironmentVariable("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"));
    }

    [TestMethod]
    public void InProcessUnderGermanCultureEverythingReadsAndPrintsAsInvariant()
    {
        string folder = Prepare();
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        foreach (var args in Commands(folder))
        {
            var invariant = CliRun.Of(args);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            try
            {
                Assert.AreEqual("0,5", 0.5.ToString(CultureInfo.CurrentCulture), "the test thread really is German");
                var german = CliRun.Of(args);
                Assert.AreEqual(Normal(invariant, folder), Normal(german, folder), string.Join(' ', args));
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
            }
        }
    }

    [TestMethod]
    public void TheRealProcessUnderLangDeDeReadsAndPrintsAsInvariant()
    {
        string folder = Prepare();
        var c = new Dictionary<string, string> { ["LANG"] = "C.UTF-8", ["LC_ALL"] = "C.UTF-8" };
        foreach (var args in Commands(folder))
        {
            var neutral = EdgeProcess.Run(args, c);
            var german = EdgeProcess.Run(args, German);
            Assert.AreEqual(Normal(neutral, folder), Normal(german, folder), string.Join(' ', args));
        }
        // And what was read: the threshold 0.2 (not 2) and the drift share 0.25 (not 25) are in the profile.
        var summary = EdgeProcess.Run(Commands(folder)[0], German);
        StringAssert.Contains(summary.Out, "threshold 0.2 ");
        StringAssert.Contains(summary.Out, "dataset drift at 0.25 of features");
        var verify = EdgeProcess.Run(Commands(folder)[2], German);
        StringAssert.Contains(verify.Out, "0.7");
    }
}
