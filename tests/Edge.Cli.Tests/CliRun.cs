namespace Edge.Cli.Tests;

/// <summary>Runs `edge` in-process with captured output, as a user's shell would see it.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        if (EdgeProcess.UnderTest is not null) return EdgeProcess.Run(args);
        var output = new StringWriter();
        var error = new StringWriter();
        int code = EdgeCli.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
