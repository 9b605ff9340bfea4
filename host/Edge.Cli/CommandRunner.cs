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
        catch (UserFacingException e)
        {
            return io.Fail(e.Code, e.Message);
        }
        catch (DataFileException e)
        {
            return io.Fail(ExitCode.InvalidInput, e.Message);
        }
        catch (EdgeFormatException e)
        {
            return io.Fail(ExitCode.InvalidInput, e.Message);
        }
        catch (BoardLinkException e)
        {
            return io.Fail(ExitCode.DeviceError, e.Message);
        }
        catch (TransportException e)
        {
            return io.Fail(ExitCode.DeviceError, e.Message);
        }
        catch (IOException e)
        {
            return io.Fail(ExitCode.OutputFailed, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return io.Fail(ExitCode.OutputFailed, e.Message);
        }
    }
}
