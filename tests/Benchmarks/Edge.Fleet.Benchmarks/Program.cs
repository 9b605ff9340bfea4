using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;
using Edge.Fleet.Benchmarks;
using Edge.Fleet.Query;
using Edge.Fleet.Runs;
using Edge.Hil.Rigs;
using Edge.Hil.Run;
using Edge.Store;
using Edge.Store.S3;
using Edge.TestSupport;
using Edge.TestSupport.Servers;

// Figures for host/Edge.Fleet/README.md. First the fleet: the 16 x 2 x 2 matrix on one bench host (one
// worker serving both boards) and on two (a worker per board), on a private PostgreSQL started here.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
using (var database = PostgresServer.Start())
{
    var matrix = new FleetMatrix(database, RepoPaths.TempDirectory("fleet-matrix"));
    var one = await matrix.RunAsync("onehost", [("bench-one", ["f746-sim", "f401-sim"])]);
    var two = await matrix.RunAsync("twohosts", [("bench-a", ["f746-sim"]), ("bench-b", ["f401-sim"])]);
    Console.WriteLine($"load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}; {Environment.ProcessorCount} cores");
    Console.WriteLine("| configuration | cells | ok | submit | wall | sum of cells' own time | job: median latency | job: median duration | job duration - cell time, per cell |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var f in new[] { one, two })
        Console.WriteLine($"| {f.Name} | {f.Cells} | {f.Ok} | {f.SubmitSeconds:0.0} s ({f.SubmitSeconds / f.Cells * 1000:0} ms/cell) | {f.WallSeconds:0.0} s | {f.CellSeconds:0.0} s ({f.CellSeconds / f.Cells:0.00} s/cell) | " +
            $"{f.Median(j => j.LatencyMs):0} ms | {f.Median(j => j.PerformanceMs):0} ms | {(f.Jobs.Sum(j => j.PerformanceMs) / 1000 - f.CellSeconds) / f.Cells:0.00} s |");
    Console.WriteLine($"wall time, two hosts / one host: {two.WallSeconds / one.WallSeconds:0.00}");
}

// One real run folder (flux_mlp on both simulated boards at 8
// firmware revisions: 16 cells, 16 traces), pushed to and pulled from a folder store and Ceph's S3 gateway
// on loopback; then 100 copies of its results queried with DuckDB.
string run = Path.Combine(RepoPaths.TempDirectory("fleet-bench"), "run");
await HilRunner.RunAsync(new HilRunOptions
{
    Rig = RigLoader.Load(Path.Combine(RepoPaths.Root, "hil-rigs", "sim.yaml")),
    Models = [RepoPaths.MotorFlux("flux_mlp.onnx")],
    Data = [RepoPaths.MotorFlux("test_164V.features.csv")],
    Firmware = Enumerable.Range(1, 8).Select(i => "r" + i).ToList(),
    OutputDirectory = run,
    Plan = RigLoader.Load(Path.Combine(RepoPaths.Root, "hil-rigs", "sim.yaml")).Measurement with { AccuracyRows = 50 },
}, new NoProgress(), CancellationToken.None);
long bytes = Directory.EnumerateFiles(run, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
int files = Directory.EnumerateFiles(run, "*", SearchOption.AllDirectories).Count();
Console.WriteLine($"run folder: {files} files, {bytes / 1e6:0.0} MB; {Environment.ProcessorCount} cores");

using var ceph = CephGateway.Start();
string bucket = "bench-" + Guid.NewGuid().ToString("N")[..8];
using (var client = new AmazonS3Client(new BasicAWSCredentials(CephGateway.AccessKey, CephGateway.SecretKey), new AmazonS3Config { ServiceURL = ceph.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" }))
    await client.PutBucketAsync(bucket);
var stores = new (string Name, Func<ArtifactStore> Open)[]
{
    ("folder", () => ArtifactStore.Open(StoreLocation.Parse(RepoPaths.TempDirectory("bench-store")))),
    ("ceph-rgw", () => ArtifactStore.Open(StoreLocation.Parse($"s3://{bucket}/p{Guid.NewGuid():N}"), new S3Settings
        { Endpoint = ceph.Endpoint, Credentials = new BasicAWSCredentials(CephGateway.AccessKey, CephGateway.SecretKey) })),
};
Console.WriteLine("| store | push (new) | push again (nothing new) | pull |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (var (name, open) in stores)
{
    using var store = open();
    var watch = Stopwatch.StartNew();
    await RunArchive.PushAsync(store, run, "r", "bench");
    double push = watch.Elapsed.TotalSeconds;
    watch.Restart();
    await RunArchive.PushAsync(store, run, "r", "bench");
    double again = watch.Elapsed.TotalSeconds;
    watch.Restart();
    await RunArchive.PullAsync(store, "r", Path.Combine(RepoPaths.TempDirectory("bench-pull"), "r"));
    double pull = watch.Elapsed.TotalSeconds;
    Console.WriteLine($"| {name} | {push:0.00} s ({bytes / 1e6 / push:0.0} MB/s) | {again:0.00} s | {pull:0.00} s ({bytes / 1e6 / pull:0.0} MB/s) |");
}

string many = RepoPaths.TempDirectory("bench-runs");
for (int i = 0; i < 100; i++)
{
    string copy = Directory.CreateDirectory(Path.Combine(many, $"run{i:000}")).FullName;
    File.Copy(Path.Combine(run, "manifest.json"), Path.Combine(copy, "manifest.json"));
    File.Copy(Path.Combine(run, "results.parquet"), Path.Combine(copy, "results.parquet"));
}
var times = new List<double>();
int rows = 0;
for (int i = 0; i < 5; i++)
{
    var watch = Stopwatch.StartNew();
    var table = ResultsQuery.Run(RunFolders.Local([many]), "select model, board, firmware, count(*), avg(energy_uj), stddev_samp(energy_uj) from results where status = 'ok' group by all order by all");
    times.Add(watch.Elapsed.TotalMilliseconds);
    rows = table.Rows.Count;
}
times.Sort();
Console.WriteLine($"query over 100 runs ({100 * 16} cells, group by model, board, firmware -> {rows} rows): median {times[2]:0} ms, min {times[0]:0} ms of 5 (each opens DuckDB and reads the 100 files)");
