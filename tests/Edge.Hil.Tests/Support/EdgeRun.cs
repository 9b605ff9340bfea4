using Edge.Cli;

namespace Edge.Hil.Tests.Support;

/// <summary>`edge` run in-process with captured output, as a shell would see it.</summary>
public sealed record EdgeRun(int ExitCode, string Out, string Error)
{
    public static EdgeRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = EdgeCli.Run(args, output, error);
        return new EdgeRun(code, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
