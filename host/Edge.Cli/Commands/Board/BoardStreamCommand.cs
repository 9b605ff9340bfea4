using Edge.Cli.Grammar;
using System.CommandLine;
using Edge.Board.Streaming;
using Edge.Data;
using Edge.Device.Drift;
using Edge.Device.Model;
using Edge.Drift.Profiles;
using Edge.Models.Format;

namespace Edge.Cli.Commands.Board;

/// <summary>`edge board stream`: rows of a data file through the board, window reports back.</summary>
internal static class BoardStreamCommand
{
    public static Command Create()
    {
        var port = BoardOptions.Port();
        var baud = BoardOptions.Baud();
        var data = new Option<FileInfo>("--data", "-d") { Description = "Data to stream (CSV or Parquet), rows in time order.", Required = true };
        var model = new Option<FileInfo?>("--model", "-m") { Description = "The model file the board runs (for its input columns; must be the one uploaded)." };
        var profile = new Option<FileInfo?>("--profile") { Description = "The drift profile the board runs (for its columns and categories)." };
        var threshold = new Option<float?>("--anomaly-threshold") { Description = "Flag a sample anomalous when the model's score is at or above this (default 0.5)." }.Unbounded("any number: a score threshold");
        var command = new Command("stream", """
            Streams a data file to a board row by row: the board runs the model and the drift sketches on every row,
            exactly as on live samples, and the host prints each drift window's report as the board computed it.
            The model and profile files name the columns; the board must run the same model (its id is checked).

            Examples:
              edge board stream -m flux_mlp.edgem --profile motor.edgp -d samples/motor-flux/drift_289V.features.csv
              edge board stream --port /dev/ttyUSB0 --profile motor.edgp -d today.parquet
            """)
        {
            port, baud, data, model, profile, threshold,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            EdgeModel? edgeModel = parse.GetValue(model) is { } m ? ModelFile.Read(m.FullName) : null;
            DriftProfile? driftProfile = parse.GetValue(profile) is { } p ? ProfileFile.Read(p.FullName) : null;
            if (edgeModel is null && driftProfile is null) throw new UserFacingException("give --model and/or --profile: the files the board runs", ExitCode.Usage);
            var table = TableReader.Read(parse.GetValue(data)!.FullName);
            var (layout, rows) = BoardStreamer.Prepare(edgeModel, driftProfile, table, anomalyThreshold: parse.GetValue(threshold));
            var (client, hello) = await BoardOptions.ConnectAsync(parse, port, baud, cancellationToken);
            await using (client)
            {
                var status = await client.StatusAsync();
                if (edgeModel is not null && status.ModelId != edgeModel.IdHex)
                    throw new UserFacingException($"{hello.BoardName} runs model {(status.ModelId.Length > 0 ? status.ModelId : "none")}, not {edgeModel.IdHex} from {parse.GetValue(model)!.Name}; upload it first (edge board upload)");
                if (driftProfile is not null && !status.ProfileLoaded)
                    throw new UserFacingException($"{hello.BoardName} has no drift profile; upload it first (edge board upload)");
                io.Out.WriteLine($"streaming {rows.Length:N0} rows of {layout.Width} values to {hello.BoardName}");
                var progress = new SynchronousProgress<(int Rows, Edge.Board.Client.WindowReport? Window)>(update =>
                {
                    if (update.Window is not { } w) return;
                    int missing = w.Columns.Sum(c => c.Missing);
                    io.Out.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"window {w.Index,4}: {w.Samples} samples, {w.Anomalies} anomalous, {w.DriftedFeatures} feature(s) drifted (share {w.DriftShare:0.000}), {w.VerdictName}{(w.Alarm ? ", ALARM" : "")}{(missing > 0 ? $", {missing} missing value(s)" : "")}"));
                });
                var result = await BoardStreamer.StreamAsync(client, layout, rows, progress);
                var s = result.FinalStatus;
                io.Out.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"done: board processed {result.BoardSamples:N0} samples in all, {s.Inferences:N0} inferences (mean {s.MeanInferenceMicros} us), {s.Anomalies:N0} anomalies; drift alarm {(s.Alarm ? "RAISED" : "clear")}"));
            }
            return ExitCode.Ok;
        });
        return command;
    }

    /// <summary>Reports on the calling thread, so window lines print in order.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
