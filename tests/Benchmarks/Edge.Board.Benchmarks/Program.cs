using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using Edge.Board.Client;
using Edge.Board.Link;
using Edge.Board.Simulation;
using Edge.Board.Streaming;
using Edge.Data;
using Edge.Device.Board;
using Edge.Drift.Profiles;
using Edge.Models;
using Edge.TestSupport;
using Edge.Transport;

// Inputs: the motor-flux MLP with its drift profile, test rows.
var train = TableReader.Read(RepoPaths.MotorFlux("train_164V.features.csv"));
var profile = ProfileBuilder.Build(train, new ProfileOptions { Columns = ["f[0-9]*"], Categorical = ["load"] });
var model = ModelConverter.Convert(new ConvertOptions(RepoPaths.MotorFlux("flux_mlp.onnx"), RepoPaths.MotorFlux("train_164V.features.csv"),
    Path.Combine(RepoPaths.TempDirectory("bench"), "mlp.edgem"))).Bytes;
var test = TableReader.Read(RepoPaths.MotorFlux("test_164V.features.csv"));

Console.WriteLine("Board link benchmark (simulated board, device code on the host)");
await LinkRate("in-memory pipe", async board =>
{
    var toBoard = new Pipe();
    var toHost = new Pipe();
    _ = board.Port.Attach(new DuplexStream(toBoard.Reader.AsStream(), toHost.Writer.AsStream()));
    return new StreamTransport(new DuplexStream(toHost.Reader.AsStream(), toBoard.Writer.AsStream()), "pipe");
});
await LinkRate("loopback TCP", async board =>
{
    var host = SimulatedBoardHost.ListenTcp(board, IPAddress.Loopback, 0);
    return await ByteTransports.OpenAsync(host.Address, 0, TimeSpan.FromSeconds(2), default);
});
DeviceLoopCost();

async Task LinkRate(string name, Func<SimulatedBoard, Task<IByteTransport>> connect)
{
    using var board = new SimulatedBoard(BoardProfile.NucleoF746zg.WithUnconstrainedMemory(), RepoPaths.TempDirectory("bench-board"));
    var transport = await connect(board);
    await using var client = BoardClient.Over(new LinkClient(transport));
    await client.HelloAsync();
    await client.UploadAsync(UploadKind.Model, model);
    await client.UploadAsync(UploadKind.DriftProfile, ProfileWriter.Write(profile));
    var layout = RowLayoutBuilder.Build(Edge.Device.Model.ModelReader.Read(model), profile, test);
    await client.ConfigureRowsAsync(layout);
    var rows = RowLayoutBuilder.Rows(layout, test, profile);

    // 1. Small requests (status): request/response round trips per second.
    var watch = Stopwatch.StartNew();
    int requests = 0;
    while (watch.Elapsed < TimeSpan.FromSeconds(3)) { await client.StatusAsync(); requests++; }
    double roundTrips = requests / watch.Elapsed.TotalSeconds;
    var stats = client.Link.Statistics;
    // 2. Rows: full frames of samples, bytes per second carried.
    long bytesBefore = stats.BytesSent + stats.BytesReceived;
    long framesBefore = stats.Requests + stats.Responses;
    watch.Restart();
    int sent = 0;
    while (watch.Elapsed < TimeSpan.FromSeconds(3))
    {
        var (taken, _, _) = await client.SendRowsAsync(rows, sent % (rows.Length - 8));
        sent += taken;
    }
    double seconds = watch.Elapsed.TotalSeconds;
    long bytes = stats.BytesSent + stats.BytesReceived - bytesBefore;
    long frames = stats.Requests + stats.Responses - framesBefore;
    Console.WriteLine($"{name,-16} status round trips {roundTrips,8:N0}/s ({2 * roundTrips,8:N0} frames/s) | rows: {frames / seconds,8:N0} frames/s, {bytes / seconds / 1024,8:N0} KiB/s, {sent / seconds,8:N0} samples/s ({layout.Width} values each, inference + drift on the board)");
}

void DeviceLoopCost()
{
    // The device loop's own cost per sample: inference, anomaly rule, drift update, no link.
    var clock = new SimulatedClock();
    var store = new FileModelStore(RepoPaths.TempDirectory("bench-loop"));
    var pin = new NoPin();
    var runtime = new BoardRuntime(new BoardConfig(), new NoTransport(), clock, pin, store, null);
    store.SaveCommitted(UploadKind.Model, model, model.Length);
    var profileBytes = ProfileWriter.Write(profile);
    store.SaveCommitted(UploadKind.DriftProfile, profileBytes, profileBytes.Length);
    runtime.Start();
    var layout = RowLayoutBuilder.Build(Edge.Device.Model.ModelReader.Read(model), profile, test);
    string? problem = runtime.Rows.Configure(layout.Width, 0, layout.AnomalyRule, layout.AnomalyThreshold, layout.DriftSources.ToArray());
    if (problem is not null) throw new InvalidOperationException(problem);
    var rows = RowLayoutBuilder.Rows(layout, test, profile);
    foreach (var row in rows) runtime.ProcessSample(row, 0);
    long allocated = GC.GetAllocatedBytesForCurrentThread();
    var watch = Stopwatch.StartNew();
    int n = 0;
    while (watch.Elapsed < TimeSpan.FromSeconds(3))
    {
        for (int i = 0; i < rows.Length; i++) runtime.ProcessSample(rows[i], 0);
        n += rows.Length;
    }
    double ns = watch.Elapsed.TotalNanoseconds / n;
    long perSample = (GC.GetAllocatedBytesForCurrentThread() - allocated) / n;
    Console.WriteLine($"device loop per sample (flux_mlp inference + drift over 65 columns): {ns:N0} ns on this machine, {perSample} bytes allocated");
}

sealed class NoPin : ITriggerPin { public void High() { } public void Low() { } }

sealed class NoTransport : ITransport
{
    public int Read(byte[] buffer, int offset, int count) => 0;
    public void Write(byte[] buffer, int offset, int count) { }
}

sealed class DuplexStream(Stream read, Stream write) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => read.Read(buffer, offset, count);
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => read.ReadAsync(buffer, cancellationToken);
    public override void Write(byte[] buffer, int offset, int count) { write.Write(buffer, offset, count); write.Flush(); }
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => write.WriteAsync(buffer, cancellationToken);
    public override void Flush() => write.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => write.FlushAsync(cancellationToken);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
