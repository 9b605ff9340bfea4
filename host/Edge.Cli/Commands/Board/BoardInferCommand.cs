using System.CommandLine;
using Edge.Board.Client;
using Edge.Data;
using Edge.Device.Model;
using Edge.Models.Format;
using Edge.Models.Verification;

namespace Edge.Cli.Commands.Board;

/// <summary>`edge board infer`: MLPerf-style runs on vectors stored on the board, timed by the board.</summary>
internal static class BoardInferCommand
{
    public static Command Create()
    {
        var port = BoardOptions.Port();
        var baud = BoardOptions.Baud();
        var model = new Option<FileInfo>("--model", "-m") { Description = "The model file the board runs (for its input columns and output size).", Required = true };
        var data = new Option<FileInfo[]>("--data", "-d") { Description = "Rows to load as input vectors (CSV or Parquet). Repeat it for a model whose inputs come from several tables read side by side (row i of each is the same sample); columns go to inputs by name, as recorded at conversion.", Required = true };
        var rows = new Option<int?>("--rows") { Description = "How many rows to load into the board's vector slots (default: as many as the board has slots, the data has rows and one answer holds)." };
        var repeats = new Option<int>("--repeats") { Description = "Runs over the loaded vectors.", DefaultValueFactory = _ => 10 };
        var command = new Command("infer", """
            Loads rows into the board's vector slots and runs the model on them repeatedly, the trigger pin raised around
            each inference (as MLPerf Tiny's runner and ST's on-target validation do), then prints the board's timings and
            each vector's outputs.

            Examples:
              edge board infer -m flux_mlp.edgem -d samples/motor-flux/test_164V.features.csv
              edge board infer -m flux_cnn1d.edgem -d samples/motor-flux/test_164V.windows.csv --rows 4 --repeats 100
              edge board infer -m twobranch3.edgem -d test_164V.features.csv -d test_164V.windows.csv --rows 4
            """)
        {
            port, baud, model, data, rows, repeats,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            // Counts are checked here, against the request's fields and the board's own limits, and
            // never cast: -r 1000000 would otherwise run 16,960 times.
            int? wanted = parse.GetValue(rows);
            int repeatCount = parse.GetValue(repeats);
            if (wanted < 1) throw new UserFacingException($"--rows {wanted}: load at least 1 row", ExitCode.Usage);
            if (repeatCount is < 1 or > InferLimits.MaxRepeats)
                throw new UserFacingException($"--repeats {repeatCount}: a board runs 1 to {InferLimits.MaxRepeats:N0} repeats per request", ExitCode.Usage);
            var edgeModel = ModelFile.Read(parse.GetValue(model)!.FullName);
            var files = parse.GetValue(data)!;
            var tables = files.Select(f => (Edge.Data.Streaming.TableSource)TableReader.Read(f.FullName)).ToList();
            // A vector holds every input one after another, every output likewise (the board's SetInputs/GetOutputs).
            int outputs = edgeModel.Outputs.Sum(o => edgeModel.Tensors[o].ElementCount);
            int fitAnswer = InferLimits.MaxOutputs / outputs;
            if (wanted * outputs > InferLimits.MaxOutputs)
                throw new UserFacingException($"--rows {wanted}: {wanted} vectors of {outputs} outputs do not fit one answer; at most {fitAnswer} rows for this model", ExitCode.Usage);
            var columns = ModelInputColumns.Resolve(tables, ModelInputColumns.Of(edgeModel), edgeModel.Metadata("input.columns"), null);
            var vectors = ModelInputColumns.ReadAll(columns).Take(wanted ?? fitAnswer).ToArray();
            if (vectors.Length < wanted)
                throw new UserFacingException($"--rows {wanted}: {string.Join(" + ", files.Select(f => f.Name))} has only {vectors.Length} row(s)", ExitCode.Usage);
            var (client, hello) = await BoardOptions.ConnectAsync(parse, port, baud, cancellationToken);
            await using (client)
            {
                if (wanted > hello.VectorSlots)
                    throw new UserFacingException($"--rows {wanted}: {hello.BoardName} has {hello.VectorSlots} vector slots (1 to {hello.VectorSlots} rows)", ExitCode.Usage);
                // Without --rows: every slot the board has (fewer when the data or one answer holds fewer).
                if (vectors.Length > hello.VectorSlots) vectors = vectors.Take(hello.VectorSlots).ToArray();
                if ((await client.StatusAsync()).ModelId != edgeModel.IdHex)
                    throw new UserFacingException($"{hello.BoardName} does not run {edgeModel.IdHex}; upload it first (edge board upload)");
                for (int s = 0; s < vectors.Length; s++) await client.SetVectorAsync(s, vectors[s]);
                var run = await client.InferAsync(0, vectors.Length, repeatCount, outputs);
                io.Out.WriteLine($"{run.Inferences} inferences on {hello.BoardName}: mean {run.MeanMicros:N1} us, min {run.MinMicros} us, max {run.MaxMicros} us (board clock)");
                for (int s = 0; s < vectors.Length; s++)
                    io.Out.WriteLine($"  vector {s}: {string.Join(" ", run.Outputs[s].Take(8).Select(v => v.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)))}{(outputs > 8 ? " ..." : "")}");
            }
            return ExitCode.Ok;
        });
        return command;
    }
}
