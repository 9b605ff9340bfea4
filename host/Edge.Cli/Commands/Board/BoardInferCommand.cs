using System.CommandLine;
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
        var data = new Option<FileInfo>("--data", "-d") { Description = "Rows to load as input vectors (CSV or Parquet).", Required = true };
        var rows = new Option<int>("--rows") { Description = "How many rows to load into the board's vector slots.", DefaultValueFactory = _ => 8 };
        var repeats = new Option<int>("--repeats") { Description = "Runs over the loaded vectors.", DefaultValueFactory = _ => 10 };
        var command = new Command("infer", """
            Loads rows into the board's vector slots and runs the model on them repeatedly, the trigger pin raised around
            each inference (as MLPerf Tiny's runner and ST's on-target validation do), then prints the board's timings and
            each vector's outputs.

            Examples:
              edge board infer -m flux_mlp.edgem -d samples/motor-flux/test_164V.features.csv
              edge board infer -m flux_cnn1d.edgem -d samples/motor-flux/test_164V.windows.csv --rows 4 --repeats 100
            """)
        {
            port, baud, model, data, rows, repeats,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            var edgeModel = ModelFile.Read(parse.GetValue(model)!.FullName);
            var table = TableReader.Read(parse.GetValue(data)!.FullName);
            int inputs = edgeModel.Tensors[edgeModel.Inputs[0].Tensor].ElementCount;
            int outputs = edgeModel.Tensors[edgeModel.Outputs[0]].ElementCount;
            var columns = InputMapping.Resolve(table, edgeModel.Metadata("input.columns"), inputs, null);
            var vectors = InputMapping.Rows(table, columns).Take(parse.GetValue(rows)).ToArray();
            var (client, hello) = await BoardOptions.ConnectAsync(parse, port, baud, cancellationToken);
            await using (client)
            {
                if ((await client.StatusAsync()).ModelId != edgeModel.IdHex)
                    throw new UserFacingException($"{hello.BoardName} does not run {edgeModel.IdHex}; upload it first (edge board upload)");
                if (vectors.Length > hello.VectorSlots) vectors = vectors.Take(hello.VectorSlots).ToArray();
                for (int s = 0; s < vectors.Length; s++) await client.SetVectorAsync(s, vectors[s]);
                var run = await client.InferAsync(0, vectors.Length, parse.GetValue(repeats), outputs);
                io.Out.WriteLine($"{run.Inferences} inferences on {hello.BoardName}: mean {run.MeanMicros:N1} us, min {run.MinMicros} us, max {run.MaxMicros} us (board clock)");
                for (int s = 0; s < vectors.Length; s++)
                    io.Out.WriteLine($"  vector {s}: {string.Join(" ", run.Outputs[s].Take(8).Select(v => v.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)))}{(outputs > 8 ? " ..." : "")}");
            }
            return ExitCode.Ok;
        });
        return command;
    }
}
