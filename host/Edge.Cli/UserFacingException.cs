namespace Edge.Cli;

/// <summary>An error whose message is written for the user, with the exit code that goes with it.</summary>
public sealed class UserFacingException(string message, ExitCode code = ExitCode.InvalidInput, Exception? inner = null)
    : Exception(message, inner)
{
    public ExitCode Code { get; } = code;
}
