using Edge.Device.Link.Messages;
using Edge.Device.Link;
using Edge.Board.Client;
using Edge.Board.Simulation;
using Edge.Board.Streaming;
using Edge.Board.Tests.Support;
using Edge.Device.Board;
using Edge.Device.Model;

namespace Edge.Board.Tests.Board;

/// <summary>
/// A board that samples its own signal (here a replayed table as its sensor) while the host only
/// listens: status telemetry arrives on its interval, window reports as windows close.
/// </summary>
[TestClass]
public sealed class LocalSamplesTests
{
    [TestMethod]
    public async Task BoardSamplingItselfReportsByTelemetry()
    {
        await using var rig = await BoardRig.StartAsync();
        await rig.Client.UploadAsync(UploadKind.Model, Fixtures.FluxMlp);
        await rig.Client.UploadAsync(UploadKind.DriftProfile, Fixtures.Profile);
        var table = Fixtures.Read("drift_289V");
        var (layout, rows) = BoardStreamer.Prepare(ModelReader.Read(Fixtures.FluxMlp), Fixtures.ParsedProfile, table);
        await BoardStreamer.ConfigureAsync(rig.Client, layout);
        await rig.Client.SetTelemetryAsync(statusIntervalMs: 50, windowReports: true);

        var sensor = new ReplaySampleSource(rowsPerSecond: 4000);
        sensor.Enqueue(rows.Take(600));
        rig.Board.Runtime.SampleSource = sensor;

        var statuses = new List<BoardStatus>();
        var windows = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await foreach (var frame in rig.Client.Link.Telemetry.ReadAllAsync(timeout.Token))
        {
            if (frame.Kind == TelemetryKind.Status) statuses.Add(BoardStatus.From(frame.Decode(new StatusRecord(), rig.Client.Address)));
            else if (frame.Kind == TelemetryKind.Window && frame.Decode(new WindowPage(), rig.Client.Address).First == 0) windows++;
            if (statuses.Count > 0 && statuses[^1].Samples == 600 && windows == 3) break;
        }
        var last = statuses[^1];
        Assert.AreEqual(600, last.Samples);
        Assert.AreEqual(600, last.Inferences);
        Assert.AreEqual(3, last.WindowsCompleted);
        Assert.AreEqual(Device.Drift.WindowVerdict.Confirmed, last.Verdict);
        Assert.IsTrue(last.Alarm);
        Assert.AreEqual(ModelReader.Read(Fixtures.FluxMlp).IdHex, last.ModelId);
        Assert.IsTrue(statuses.Count >= 3, $"status every 50 ms while sampling ({statuses.Count} received)");
        Assert.IsTrue(statuses.Zip(statuses.Skip(1)).All(p => p.Second.UptimeMs >= p.First.UptimeMs && p.Second.Samples >= p.First.Samples), "uptime and counts only grow");
        double modelled = BoardProfile.NucleoF746zg.InferenceMicros(Edge.Targets.Costs.ModelWork.Of(ModelReader.Read(Fixtures.FluxMlp)));
        Assert.AreEqual(modelled, last.MeanInferenceMicros, 80, "inference time by the cost model");
    }
}
