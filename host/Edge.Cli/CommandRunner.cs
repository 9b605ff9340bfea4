using System.CommandLine;
using Edge.Board.Link;
using Edge.Data;
using Edge.Device.Codec;
using Edge.Transport;

namespace Edge.Cli;

/// <summary>
/// Runs a command's body and turns the errors users can fix into one clear line on stderr and
/// a documented exit code, instead of a stack trace.
/// </summary>
public static class CommandRunner
{
    public static void SetHandler(this Command command, Func<ParseResult, CommandIo, ExitCode> body)
    {
        command.SetAction(parseResult => (int)Run(parseResult, body));
    }

    private static ExitCode Run(ParseResult parseResult, Func<ParseResult, CommandIo, ExitCode> body)
    {
        var io = new CommandIo(parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
        try
        {
            return body(parseResult, io);
        }
        catch (Exception e) when (CodeFor(e) is { } code)
        {
            return io.Fail(code, e.Message);
        }
    }

    /// <summary>The exit code for an error a user can act on; null for a bug (which then surfaces as one).</summary>
    private static ExitCode? CodeFor(Exception e) => e switch
    {
        UserFacingException user => user.Code,
        DataFileException or EdgeFormatException => ExitCode.InvalidInput,
        BoardLinkException or TransportException => ExitCode.DeviceError, // TransportException is an IOException: before it
        IOException or UnauthorizedAccessException => ExitCode.OutputFailed,
        _ => null,
    };
}
