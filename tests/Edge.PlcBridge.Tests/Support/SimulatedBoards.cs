using Edge.Board.Client;
using Edge.Board.Simulation;
using Edge.Board.Streaming;
using Edge.Data;
using Edge.Device.Board;
using Edge.Device.Drift;
using Edge.Device.Model;
using Edge.Drift.Profiles;
using Edge.Models;

namespace Edge.PlcBridge.Tests.Support;

/// <summary>Simulated boards set up as a deployed board would be: model and profile uploaded, rows configured, sampling its own sensor.</summary>
public static class SimulatedBoards
{
    private static readonly Lazy<(byte[] Model, byte[] Profile)> Files = new(() =>
    {
        var train = TableReader.Read(RepoPaths.MotorFlux("train_164V.features.csv"));
        var profile = ProfileWriter.Write(ProfileBuilder.Build(train, new ProfileOptions { Columns = ["f[0-9]*"], Categorical = ["load"] }));
        var model = ModelConverter.Convert(new ConvertOptions(RepoPaths.MotorFlux("flux_mlp.onnx"), RepoPaths.MotorFlux("train_164V.features.csv"),
            Path.Combine(RepoPaths.TempDirectory("bridge-model"), "mlp.edgem"))).Bytes;
        return (model, profile);
    });

    private static readonly Lazy<float[][]> Rows289 = new(() =>
    {
        var (model, profile) = Files.Value;
        var table = TableReader.Read(RepoPaths.MotorFlux("drift_289V.features.csv"));
        return BoardStreamer.Prepare(ModelReader.Read(model), DriftProfileReader.Read(profile, "profile"), table).Rows;
    });

    /// <summary>The motor-flux drift profile the boards run (.edgp bytes).</summary>
    public static byte[] ProfileBytes => Files.Value.Profile;

    /// <summary>drift_289V as the board's rows for flux_mlp and the motor-flux profile.</summary>
    public static float[][] DriftRows => Rows289.Value;

    /// <summary>Uploads flux_mlp and the motor-flux profile, configures rows, and queues 289 V rows on the board's sensor; returns the model id.</summary>
    public static async Task<string> LoadFluxMlpAsync(string address, SimulatedBoard board, int rows)
    {
        var (model, profile) = Files.Value;
        var (client, _) = await BoardClient.ConnectAsync(address);
        await using (client)
        {
            await client.UploadAsync(UploadKind.Model, model);
            await client.UploadAsync(UploadKind.DriftProfile, profile);
            var table = TableReader.Read(RepoPaths.MotorFlux("drift_289V.features.csv"));
            var (layout, _) = BoardStreamer.Prepare(ModelReader.Read(model), DriftProfileReader.Read(profile, "profile"), table);
            await BoardStreamer.ConfigureAsync(client, layout);
            var sensor = new ReplaySampleSource(rowsPerSecond: 2000);
            sensor.Enqueue(DriftRows.Take(rows));
            board.Runtime.SampleSource = sensor;
        }
        return ModelReader.Read(model).IdHex;
    }
}
