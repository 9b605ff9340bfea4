using System.CommandLine;
using Edge.Device.Drift;
using Edge.Drift.Output;
using Edge.Drift.Profiles;
using Edge.Common.Files;

namespace Edge.Cli.Commands.Board;

/// <summary>`edge board capture`: the rows the board kept when drift was confirmed, for retraining.</summary>
internal static class BoardCaptureCommand
{
    public static Command Create()
    {
        var port = BoardOptions.Port();
        var baud = BoardOptions.Baud();
        var profile = new Option<FileInfo>("--profile") { Description = "The drift profile the board runs (to decode its fixed-point values and name the columns).", Required = true };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "CSV file to write (default: print to the console)." };
        var acknowledge = new Option<bool>("--acknowledge") { Description = "After fetching, acknowledge the alarm on the board and release the capture." };
        var command = new Command("capture", """
            Fetches the retraining capture: the most recent input rows the board kept from the first drifting window
            until drift was confirmed, decoded to the data's units. With --acknowledge the board's alarm is then
            cleared and the capture released.

            Examples:
              edge board capture --profile motor.edgp -o retrain.csv --acknowledge
            """)
        {
            port, baud, profile, output, acknowledge,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            var driftProfile = ProfileFile.Read(parse.GetValue(profile)!.FullName);
            var (client, hello) = await BoardOptions.ConnectAsync(parse, port, baud, cancellationToken);
            await using (client)
            {
                var (state, held, columns, frozenAt) = await client.CaptureInfoAsync();
                if (columns != driftProfile.Columns.Length && held > 0)
                    throw new UserFacingException($"{hello.BoardName} captures {columns} columns, {parse.GetValue(profile)!.Name} has {driftProfile.Columns.Length}: not the profile the board runs");
                var rows = await client.CaptureReadAsync();
                if (parse.GetValue(output) is { } file)
                {
                    AtomicFile.Write(file.FullName, stream =>
                    {
                        using var text = CaptureCsv.Into(stream);
                        CaptureCsv.Write(text, driftProfile, rows);
                    });
                }
                else CaptureCsv.Write(io.Out, driftProfile, rows);
                if (parse.GetValue(acknowledge)) await client.AcknowledgeAsync();
                io.Error.WriteLine($"capture {state}{(frozenAt > 0 ? $" at window {frozenAt}" : "")}: {rows.Count} row(s){(parse.GetValue(acknowledge) ? "; alarm acknowledged, capture released" : "")}");
            }
            return ExitCode.Ok;
        });
        return command;
    }
}
