using System.CommandLine;
using Edge.Board.Client;
using Edge.Device.Board;
using Edge.Common.Files;
using Edge.Device.Codec;
using Edge.Models.Format;

namespace Edge.Cli.Commands.Board;

/// <summary>`edge board upload`: a model (.edgem) or drift profile (.edgp), resumable, verified before it replaces what runs.</summary>
internal static class BoardUploadCommand
{
    public static Command Create()
    {
        var port = BoardOptions.Port();
        var baud = BoardOptions.Baud();
        var files = new Argument<FileInfo[]>("files") { Description = "Model (.edgem) and/or drift profile (.edgp) files; the kind is read from each file's signature.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("upload", """
            Uploads a model and/or a drift profile. The board stages the file, checks its CRC-32 and loads it before it
            replaces what runs: a failed or interrupted upload leaves the old one running, and running the same command
            again continues an interrupted upload where the board has it.

            Examples:
              edge board upload flux_mlp.edgem motor.edgp
              edge board upload --port /dev/ttyUSB0 line3.edgem
            """)
        {
            port, baud, files,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            // The board checks each file again after staging; the kind is all the host needs, and the size limit.
            var items = parse.GetValue(files)!.Select(f => (File: f, Bytes: InputFile.ReadAllBytes(f.FullName, ModelFile.MaxBytes, "a model or drift profile"))).ToList();
            var kinds = items.Select(i => KindOf(i.File, i.Bytes)).ToList();
            var (client, hello) = await BoardOptions.ConnectAsync(parse, port, baud, cancellationToken);
            await using (client)
            {
                for (int i = 0; i < items.Count; i++)
                {
                    var result = await client.UploadAsync(kinds[i], items[i].Bytes, cancellationToken: cancellationToken);
                    string resumed = result.ResumedAt > 0 ? $", resumed at byte {result.ResumedAt:N0}" : "";
                    string id = result.ModelId.Length > 0 ? $", model id {result.ModelId}" : "";
                    io.Out.WriteLine($"{items[i].File.Name}: {BoardClient.UploadName(kinds[i])} of {result.Length:N0} bytes committed on {hello.BoardName}{id}{resumed}");
                }
            }
            return ExitCode.Ok;
        });
        return command;
    }

    private static byte KindOf(FileInfo file, byte[] bytes)
    {
        uint magic = bytes.Length >= 4 ? LittleEndian.ReadUInt32(bytes, 0) : 0;
        if (magic == Edge.Device.Model.EdgeModelFormat.Magic) return UploadKind.Model;
        if (magic == Edge.Device.Drift.DriftProfileFormat.Magic) return UploadKind.DriftProfile;
        throw new UserFacingException($"{file.FullName}: neither an Edge model (EDGM) nor a drift profile (EDGP); build them with `edge model convert` and `edge drift profile`");
    }
}
