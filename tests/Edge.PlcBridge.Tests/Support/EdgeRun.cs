using Edge.Cli;

namespace Edge.PlcBridge.Tests.Support;

/// <summary>`edge` run in-process with captured output, and bridge configurations written to temporary files for it.</summary>
internal sealed record EdgeRun(int ExitCode, string Out, string Error)
{
    public static EdgeRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = EdgeCli.Run(args, output, error);
        return new EdgeRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Writes <paramref name="yaml"/> to a fresh temporary bridge.yaml and returns its path.</summary>
    public static string ConfigFile(string yaml)
    {
        string path = Path.Combine(RepoPaths.TempDirectory("bridge"), "bridge.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>The DUT text `edge bridge plc-types` writes for <paramref name="yaml"/>.</summary>
    public static string PlcTypes(string yaml)
    {
        var run = Of("bridge", "plc-types", "--config", ConfigFile(yaml));
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        return run.Out;
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
