using System.CommandLine;
using System.Text;
using Edge.Board.Client;
using Edge.Device.Drift;
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
                var capture = await client.CaptureInfoAsync();
                if (capture.Columns != driftProfile.Columns.Length && capture.Rows > 0)
                    throw new UserFacingException($"{hello.BoardName} captures {capture.Columns} columns, {parse.GetValue(profile)!.Name} has {driftProfile.Columns.Length}: not the profile the board runs");
                var rows = await client.CaptureReadAsync(capture);
                string csv = CaptureCsv.Write(rows, driftProfile, driftProfile.Columns.Length);
                if (parse.GetValue(output) is { } file) AtomicFile.Write(file.FullName, Encoding.UTF8.GetBytes(csv));
                else io.Out.Write(csv);
                // The capture is in the file or on the console: name it, so the board releases this one and no other.
                if (parse.GetValue(acknowledge)) await client.AcknowledgeAsync(capture.FrozenAtWindow);
                io.Error.WriteLine($"capture {capture.StateName}{(capture.FrozenAtWindow > 0 ? $" at window {capture.FrozenAtWindow}" : "")}: {rows.Count} row(s){(parse.GetValue(acknowledge) ? "; alarm acknowledged, capture released" : "")}");
            }
            return ExitCode.Ok;
        });
        return command;
    }
}
