namespace Edge.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, diagnostics to <see cref="Error"/> (tests pass string writers).</summary>
public sealed class CommandIo(TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public ExitCode Fail(ExitCode code, string message)
    {
        Error.WriteLine($"error: {message}");
        return code;
    }
}
