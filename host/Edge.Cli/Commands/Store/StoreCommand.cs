using System.CommandLine;
using System.Globalization;
using Edge.Common.Files;
using Edge.Fleet.Runs;
using Edge.Store;

namespace Edge.Cli.Commands.Store;

/// <summary>`edge store push | pull | ls`: runs and files in the content-addressed artifact store.</summary>
internal static class StoreCommand
{
    public static Command Create()
    {
        var command = new Command("store", """
            Keep artifacts where the team keeps everything else: a content-addressed store (key = SHA-256, written once)
            in an S3-compatible bucket or a folder. A run goes in with a manifest that names every input by hash.

            Examples:
              edge store push runs/sim --store s3://bench-artifacts/edge
              edge store push samples/motor-flux/flux_mlp.onnx
              edge store ls --store s3://bench-artifacts/edge
              edge store pull sim --out runs/sim-copy --store s3://bench-artifacts/edge
            """);
        command.Add(Push());
        command.Add(Pull());
        command.Add(List());
        return command;
    }

    private static Command Push()
    {
        var paths = new Argument<string[]>("paths") { Description = "Run folders (written by `edge hil run --out`) or files.", Arity = ArgumentArity.OneOrMore };
        var run = new Option<string?>("--run") { Description = "The run's name in the store (default: the folder's name). Only with one run folder." };
        var store = StoreOptions.Create("Where to push");
        var command = new Command("push", """
            Put run folders (manifest, models, every cell's result and trace) or single files into the store. Each file is a
            blob keyed by its SHA-256 and uploaded only when the store does not have it; a run also gets records naming its
            files and inputs by hash. A run name holds one run: pushing other content under it is refused. Uploads that
            `edge hil run --store` left in the folder's spool (the store was down) are sent first.

            Examples:
              edge store push runs/sim --store s3://bench-artifacts/edge
              edge store push runs/r7 --run fw-1.3.0-nightly
              edge store push flux_mlp.edgem flux_mlp.onnx
            """)
        {
            paths, run, store,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            var given = parse.GetValue(paths)!;
            string? name = parse.GetValue(run);
            if (name is not null && given.Count(Directory.Exists) != 1)
                throw new UserFacingException("--run names one run: give exactly one run folder with it", ExitCode.Usage);
            using var opened = StoreOptions.Open(parse, store);
            foreach (string path in given)
            {
                if (Directory.Exists(path))
                {
                    string runName = name ?? Path.GetFileName(Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar));
                    // What `edge hil run --store` could not send while the store was down goes first.
                    if (await StoredHilRun.SendLeftoversAsync(path, opened, cancellationToken) is { Sent: > 0 } leftovers)
                        io.Out.WriteLine($"{opened.Location}: {leftovers.Sent} upload(s) left by `edge hil run --store` sent");
                    var summary = await RunArchive.PushAsync(opened, path, runName, Environment.MachineName, cancellationToken);
                    io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{opened.Location}: run {runName}: {summary.Uploaded} file(s) uploaded ({InputFile.Size(summary.UploadedBytes)}), {summary.AlreadyStored} already stored, {summary.Cells} new cell record(s)"));
                }
                else if (File.Exists(path))
                {
                    var blob = await opened.PutFileAsync(path, cancellationToken);
                    io.Out.WriteLine($"{blob.Sha256}  {path}{(blob.Uploaded ? "" : "  (already stored)")}");
                }
                else throw new UserFacingException($"{path} does not exist");
            }
            return ExitCode.Ok;
        });
        return command;
    }

    private static Command Pull()
    {
        var what = new Argument<string>("run-or-sha256") { Description = "A run's name (see `edge store ls`) or a blob's SHA-256." };
        var output = new Option<string>("--out", "-o") { Description = "For a run: the folder to rebuild it in. For a blob: the file to write.", Required = true };
        var store = StoreOptions.Create("Where to pull from");
        var command = new Command("pull", """
            Get a run back as a run folder (every file checked against its SHA-256, results.json/.parquet combined, ready
            for `edge hil report` and `edge hil query`), or one blob by its hash. Files already there with the right hash
            are not fetched again.

            Examples:
              edge store pull sim --out runs/sim-copy --store s3://bench-artifacts/edge
              edge store pull 9f2c...e1 --out flux_mlp.edgem
            """)
        {
            what, output, store,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            string name = parse.GetValue(what)!;
            string destination = parse.GetValue(output)!;
            using var opened = StoreOptions.Open(parse, store);
            if (ContentHash.IsValid(name.ToLowerInvariant()))
            {
                await opened.GetFileAsync(name.ToLowerInvariant(), destination, cancellationToken);
                io.Out.WriteLine($"{destination}: {name.ToLowerInvariant()}");
                return ExitCode.Ok;
            }
            var summary = await RunArchive.PullAsync(opened, name, destination, cancellationToken);
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{summary.Folder}: run {name}, {summary.Cells} cell(s), {summary.Files} file(s) fetched ({InputFile.Size(summary.Bytes)})"));
            return ExitCode.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var prefix = new Argument<string?>("prefix") { Description = "List the objects under this name (e.g. runs/sim/, sha256/); default: the runs.", Arity = ArgumentArity.ZeroOrOne };
        var store = StoreOptions.Create("The store to list");
        var command = new Command("ls", """
            List the runs in the store (name, rig, cells stored of the matrix), or every object under a prefix with its size.

            Examples:
              edge store ls --store s3://bench-artifacts/edge
              edge store ls runs/sim/cells/
              edge store ls sha256/
            """)
        {
            prefix, store,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            using var opened = StoreOptions.Open(parse, store);
            if (parse.GetValue(prefix) is { } under)
            {
                foreach (var entry in await opened.ListAsync(under, cancellationToken))
                    io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{entry.Bytes,12}  {entry.Name}"));
                return ExitCode.Ok;
            }
            foreach (string run in await RunArchive.ListRunsAsync(opened, cancellationToken))
            {
                var record = await RunArchive.ReadRunAsync(opened, run, cancellationToken);
                int cells = (await RunArchive.CellsAsync(opened, run, cancellationToken)).Count;
                io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{run}  rig {record?.Rig}  {cells}/{record?.Cells} cells{(record?.Simulated == true ? "  simulated" : "")}"));
            }
            return ExitCode.Ok;
        });
        return command;
    }
}
