using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using Edge.Board.Benchmarks;
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

// One run of each figure in host/Edge.Board/README.md. The line rate everything is compared with:
// a UART at 921,600 baud carries 92,160 bytes per second (8N1: 10 bits on the wire per byte).
// "x line" = payload bytes per second (request and response payloads, what the link carries for
// its users) / 92,160. Efficiency = payload bytes / line bytes (frames with header, CRC, COBS and
// delimiter): on a real UART the payload rate is efficiency x 92,160 B/s.
const double LineBytesPerSecond = 921_600 / 10.0;
var inv = CultureInfo.InvariantCulture;
var measure = TimeSpan.FromSeconds(args.Contains("--quick") ? 1 : 3);
// --only pipe|tcp|pty|half-open|loop: one part (the figures in the README come from a whole run).
string? only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
bool Runs(string part) => only is null || only == part;

var train = TableReader.Read(RepoPaths.MotorFlux("train_164V.features.csv"));
var profile = ProfileBuilder.Build(train, new ProfileOptions { Columns = ["f[0-9]*"], Categorical = ["load"] });
var model = ModelConverter.Convert(new ConvertOptions(RepoPaths.MotorFlux("flux_mlp.onnx"), RepoPaths.MotorFlux("train_164V.features.csv"),
    Path.Combine(RepoPaths.TempDirectory("bench"), "mlp.edgem"))).Bytes;
var test = TableReader.Read(RepoPaths.MotorFlux("test_164V.features.csv"));
var bulk = new byte[8 * 1024 * 1024];
new Random(1).NextBytes(bulk);

Console.WriteLine(string.Create(inv, $"Board link benchmark: simulated board (device code) and host in one process on {Environment.ProcessorCount} cores; line = 921,600 baud = {LineBytesPerSecond:N0} B/s"));
Console.WriteLine();
Console.WriteLine("| link | window | upload: payload MB/s | x line | frames/s | efficiency | CPU us per KB | rows: samples/s | rows: payload MB/s | status round trips/s |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (int window in Runs("pipe") ? new[] { 1, 4, 8 } : [])
    await LinkRate("in-memory pipe", window, board =>
    {
        var toBoard = new Pipe();
        var toHost = new Pipe();
        _ = board.Port.Attach(new DuplexStream(toBoard.Reader.AsStream(), toHost.Writer.AsStream()));
        return Task.FromResult<(IByteTransport, IAsyncDisposable?)>((new StreamTransport(new DuplexStream(toHost.Reader.AsStream(), toBoard.Writer.AsStream()), "pipe"), null));
    });
foreach (int window in Runs("tcp") ? new[] { 1, 4, 8 } : [])
    await LinkRate("loopback TCP", window, async board =>
    {
        var host = SimulatedBoardHost.ListenTcp(board, IPAddress.Loopback, 0);
        return (await ByteTransports.OpenAsync(host.Address, 0, TimeSpan.FromSeconds(2), default), host);
    });
if (OperatingSystem.IsLinux() && Runs("pty"))
{
    foreach (int window in new[] { 1, 4 })
        await LinkRate("pseudo-terminal", window, async board =>
        {
            var host = SimulatedBoardHost.OpenPty(board);
            return (await ByteTransports.OpenAsync(host.Address, 921_600, TimeSpan.FromSeconds(2), default), host);
        });
}
Console.WriteLine();
if (Runs("half-open")) await HalfOpenLink.MeasureAsync(model, ProfileWriter.Write(profile));
Console.WriteLine();
if (Runs("loop")) DeviceLoopCost();

async Task LinkRate(string name, int window, Func<SimulatedBoard, Task<(IByteTransport Transport, IAsyncDisposable? Host)>> connect)
{
    // No flash: a simulated upload would otherwise fsync every chunk. Staging big enough for the bulk upload.
    var boardProfile = BoardProfile.NucleoF746zg.WithUnconstrainedMemory() with { StagingCapacity = bulk.Length, Window = window };
    using var board = new SimulatedBoard(boardProfile, stateFolder: null, "bench");
    var (transport, host) = await connect(board);
    try
    {
        var (client, _) = await BoardClient.OpenAsync(new LinkClient(transport, new LinkOptions { ResponseTimeout = TimeSpan.FromSeconds(1) }));
        await using (client)
        {
            var stats = client.Link.Statistics;

            // 1. Bulk: upload-chunk frames of 1,024 payload bytes, the window full (the random
            // file is refused at commit: that is not what is measured).
            long payload0 = stats.PayloadSent + stats.PayloadReceived, line0 = stats.BytesSent + stats.BytesReceived, frames0 = stats.Requests + stats.Responses;
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < measure)
            {
                try { await client.UploadAsync(UploadKind.Model, bulk); }
                catch (BoardCommandException) { }
            }
            double seconds = watch.Elapsed.TotalSeconds;
            double cpuPerKilobyte = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMicroseconds / ((stats.PayloadSent + stats.PayloadReceived - payload0) / 1024.0);
            double payload = (stats.PayloadSent + stats.PayloadReceived - payload0) / seconds;
            double frames = (stats.Requests + stats.Responses - frames0) / seconds;
            double efficiency = (double)(stats.PayloadSent + stats.PayloadReceived - payload0) / (stats.BytesSent + stats.BytesReceived - line0);

            // 2. Rows through flux_mlp and the drift monitor on the board, windows read as they close.
            await client.UploadAsync(UploadKind.Model, model);
            await client.UploadAsync(UploadKind.DriftProfile, ProfileWriter.Write(profile));
            var (layout, rows) = BoardStreamer.Prepare(Edge.Device.Model.ModelReader.Read(model), profile, test);
            await BoardStreamer.ConfigureAsync(client, layout);
            long rowsPayload0 = stats.PayloadSent + stats.PayloadReceived;
            long samples = 0;
            watch.Restart();
            while (watch.Elapsed < measure)
            {
                await client.StreamRowsAsync(rows, async _ => await client.WindowAsync());
                samples += rows.Length;
            }
            double rowSeconds = watch.Elapsed.TotalSeconds;
            double rowsPayload = (stats.PayloadSent + stats.PayloadReceived - rowsPayload0) / rowSeconds;

            // 3. Small requests one at a time: round trips.
            watch.Restart();
            int requests = 0;
            while (watch.Elapsed < measure) { await client.StatusAsync(); requests++; }
            double roundTrips = requests / watch.Elapsed.TotalSeconds;

            Console.WriteLine(string.Create(inv,
                $"| {name} | {window} | {payload / 1e6:N1} | {payload / LineBytesPerSecond:N0}x | {frames:N0} | {efficiency:P1} | {cpuPerKilobyte:N1} | {samples / rowSeconds:N0} | {rowsPayload / 1e6:N1} | {roundTrips:N0} |"));
        }
    }
    finally
    {
        if (host is not null) await host.DisposeAsync();
    }
}

void DeviceLoopCost()
{
    // The device loop's own cost per sample: inference, anomaly rule, drift update, no link.
    var clock = new SimulatedClock();
    var store = new FileModelStore(RepoPaths.TempDirectory("bench-loop"));
    var runtime = new BoardRuntime(new BoardConfig(), new NoTransport(), clock, new NoPin(), store, null);
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
    while (watch.Elapsed < measure)
    {
        for (int i = 0; i < rows.Length; i++) runtime.ProcessSample(rows[i], 0);
        n += rows.Length;
    }
    double ns = watch.Elapsed.TotalNanoseconds / n;
    long perSample = (GC.GetAllocatedBytesForCurrentThread() - allocated) / n;
    Console.WriteLine(string.Create(inv, $"device loop per sample (flux_mlp inference + drift over 65 columns): {ns:N0} ns on this machine, {perSample} bytes allocated"));
}
