using System.Text.RegularExpressions;
using Edge.Board.Link;
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
using Edge.TestSupport;
using Edge.Transport;

namespace Edge.Cli.Tests;

/// <summary>
/// Failures map to exit codes in one table (<see cref="CommandRunner.CodeFor"/>), the one the
/// README documents: every library's error type has its row, and the README's codes are the
/// codes <see cref="ExitCode"/> defines.
/// </summary>
[TestClass]
public sealed partial class ExitCodeTableTests
{
    [TestMethod]
    public void EachLibraryErrorHasItsDocumentedCode()
    {
        var table = new (Exception Error, ExitCode Code)[]
        {
            (new SettingException("--input-columns f5..f2 runs backwards"), ExitCode.Usage),
            (new DataFileException("a.csv", "bad"), ExitCode.InvalidInput),
            (new EdgeFormatException("m.edgem: checksum mismatch"), ExitCode.InvalidInput),
            (new InputFileException("/dev/zero", "too large"), ExitCode.InvalidInput),
            (new ModelImportException("Loop is not supported"), ExitCode.InvalidInput),
            (new MemoryBudgetException("does not fit"), ExitCode.InvalidInput),
            (new HilInputException("no table"), ExitCode.InvalidInput),
            (new RigException("r.yaml", "bad"), ExitCode.InvalidInput),
            (new BridgeConfigException("b.yaml", 1, 1, "boards", "bad"), ExitCode.InvalidInput),
            (new Edge.Ads.Server.ListenException("ADS (AMS/TCP)", new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 48898),
                new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.AddressAlreadyInUse)), ExitCode.InvalidInput),
            (new FileWriteException("out.edgem", "the disk is full"), ExitCode.OutputFailed),
            (new ResultWriteException(new FileWriteException("cells/x.json", "the disk is full")), ExitCode.OutputFailed),
            (new BoardLinkException("no answer"), ExitCode.DeviceError),
            (new TransportException("Cannot connect"), ExitCode.DeviceError),
            (new PowerMonitorException("no answer"), ExitCode.DeviceError),
            (new UserFacingException("x", ExitCode.Usage), ExitCode.Usage),
        };
        foreach (var (error, code) in table) Assert.AreEqual(code, CommandRunner.CodeFor(error), error.GetType().Name);
        Assert.IsNull(CommandRunner.CodeFor(new InvalidOperationException("a bug")), "a bug is not mapped to a user error");
        Assert.IsNull(CommandRunner.CodeFor(new IOException("unexpected")), "an I/O error nobody named is a bug, not 'output failed'");
    }

    [TestMethod]
    public void TheReadmeDocumentsExactlyTheseCodes()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "host", "Edge.Cli", "README.md"));
        var documented = Code().Matches(readme).Select(m => int.Parse(m.Groups[1].Value)).ToHashSet();
        CollectionAssert.AreEquivalent(Enum.GetValues<ExitCode>().Select(c => (int)c).ToArray(), documented.ToArray());
    }

    [TestMethod]
    public async Task ABugIsOneLineWithoutTypeNamesAndExitCodeOne()
    {
        var command = new System.CommandLine.Command("explode", "A command with a bug.");
        command.SetHandler((_, _) => throw new InvalidOperationException("Sequence contains no elements"));
        var root = new System.CommandLine.RootCommand { command };
        var (output, error) = (new StringWriter(), new StringWriter());
        int code = await root.Parse(["explode"]).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        var run = new CliRun(code, output.ToString(), error.ToString());
        Assert.AreEqual((int)ExitCode.InternalError, code, run.ToString());
        Assert.AreEqual("error: internal error: Sequence contains no elements (this is a bug in edge: please report it with the command line; EDGE_DEBUG=1 shows details)",
            run.Error.TrimEnd());
    }

    // | 3 | an input file ...
    [GeneratedRegex(@"^\| (\d+) \|", RegexOptions.Multiline)]
    private static partial Regex Code();
}
