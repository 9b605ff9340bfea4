using System.CommandLine;
using Edge.Ads.Server;
using Edge.Board.Link;
using Edge.Cli.Grammar;
using Edge.Common;
using Edge.Common.Files;
using Edge.Data;
using Edge.Device.Codec;
using Edge.Hil.Inputs;
using Edge.Hil.Rigs;
using Edge.Hil.Storage;
using Edge.Models.Boards;
using Edge.Models.Import;
using Edge.PlcBridge.Configuration;
using Edge.Power.Errors;
using Edge.Transport;

namespace Edge.Cli;

/// <summary>
/// Runs a command's body as System.CommandLine's async action and turns the errors users can fix
/// into one `error:` line on stderr with a documented exit code. <see cref="CodeFor"/> is the one
/// table from failure to exit code: libraries throw their own exceptions, no command rewraps them.
/// </summary>
public static class CommandRunner
{
    /// <summary>Set to 1 to see the stack trace of an internal error (a bug) after its one line.</summary>
    public const string DebugVariable = "EDGE_DEBUG";

    public static void SetHandler(this Command command, Func<ParseResult, CommandIo, ExitCode> body) =>
        command.SetAction((parse, _) => RunAsync(parse, (p, io, _) => Task.FromResult(body(p, io)), default));

    public static void SetHandler(this Command command, Func<ParseResult, CommandIo, CancellationToken, Task<ExitCode>> body) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, body, cancellationToken));

    private static async Task<int> RunAsync(ParseResult parseResult, Func<ParseResult, CommandIo, CancellationToken, Task<ExitCode>> body, CancellationToken cancellationToken)
    {
        var io = new CommandIo(parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
        try
        {
            return (int)await body(parseResult, io, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (CodeFor(e) is { } code)
        {
            io.Fail(code, e.Message);
            if (code == ExitCode.Usage) io.Error.WriteLine(UsageErrors.Pointer(parseResult.CommandResult));
            return (int)code;
        }
        catch (Exception e)
        {
            // A bug: still one line, without .NET type names; the trace on request.
            io.Fail(ExitCode.InternalError, $"internal error: {e.Message} (this is a bug in edge: please report it with the command line; {DebugVariable}=1 shows details)");
            if (Environment.GetEnvironmentVariable(DebugVariable) == "1") io.Error.WriteLine(e.ToString());
            return (int)ExitCode.InternalError;
        }
    }

    /// <summary>The exit code for an error a user can act on; null for a bug.</summary>
    public static ExitCode? CodeFor(Exception e) => e switch
    {
        UserFacingException user => user.Code,
        SettingException => ExitCode.Usage,
        DataFileException or EdgeFormatException or InputFileException or ModelImportException or MemoryBudgetException
            or HilInputException or RigException or BridgeConfigException => ExitCode.InvalidInput,
        // The configuration names the address a listener could not take (a port in use): fixed there, not on a device.
        ListenException => ExitCode.InvalidInput,
        FileWriteException or ResultWriteException => ExitCode.OutputFailed,
        // A store that cannot be reached is a peer not answering; one that refuses (keys, bucket, a record written once) is fixed in the input.
        Edge.Store.StoreUnavailableException => ExitCode.DeviceError,
        Edge.Store.StoreException => ExitCode.InvalidInput,
        // TransportException is an IOException: devices are named before any general I/O case.
        BoardLinkException or TransportException or PowerMonitorException => ExitCode.DeviceError,
        _ => null,
    };
}
