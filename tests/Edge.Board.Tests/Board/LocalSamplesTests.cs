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
/// listens: status telemetry arrives on its interval, window reports as windows close. The sensor
/// and the board run on the rig's fake clock, which the test steps one row period at a time;
/// after each step the board catches up, so what it did is decided by time alone.
/// </summary>
[TestClass]
public sealed class LocalSamplesTests
{
    private const int Rows = 600, RowsPerSecond = 4000, StatusIntervalMs = 50;

    [TestMethod]
    public async Task BoardSamplingItselfReportsByTelemetry()
    {
        await using var rig = await BoardRig.StartAsync();
        await rig.Client.UploadAsync(UploadKind.Model, Fixtures.FluxMlp);
        await rig.Client.UploadAsync(UploadKind.DriftProfile, Fixtures.Profile);
        var table = Fixtures.Read("drift_289V");
        var (layout, rows) = BoardStreamer.Prepare(ModelReader.Read(Fixtures.FluxMlp), Fixtures.ParsedProfile, table);
        await BoardStreamer.ConfigureAsync(rig.Client, layout);
        await rig.Client.SetTelemetryAsync(statusIntervalMs: StatusIntervalMs, windowReports: true);

        var time = rig.Clock.Time;
        var sensor = new ReplaySampleSource(RowsPerSecond, time);
        sensor.Enqueue(rows.Take(Rows));
        rig.Board.Runtime.SampleSource = sensor;
        var period = TimeSpan.FromSeconds(1.0 / RowsPerSecond);

        // The first row is due at once; then exactly one a period.
        rig.Board.CatchUp();
        Assert.AreEqual(1, sensor.Taken, "the first row at once");
        for (int step = 1; step < Rows; step++)
        {
            time.Advance(period);
            rig.Board.CatchUp();
            Assert.AreEqual(step + 1, sensor.Taken, $"one row a period (after {step} periods)");
        }
        // As long again as a status interval, so a status after the last row is due.
        for (int step = 0; step * period <= TimeSpan.FromMilliseconds(StatusIntervalMs); step++)
        {
            time.Advance(period);
            rig.Board.CatchUp();
        }
        Assert.AreEqual(Rows, sensor.Taken, "no row more than were enqueued");
        await rig.Clock.UntilIdleAsync(); // every frame sent has been read by the host

        var statuses = new List<BoardStatus>();
        var windows = 0;
        while (rig.Client.Link.Telemetry.TryRead(out var frame))
        {
            if (frame.Kind == TelemetryKind.Status) statuses.Add(BoardStatus.From(frame.Decode(new StatusRecord(), rig.Client.Address)));
            else if (frame.Kind == TelemetryKind.Window && frame.Decode(new WindowPage(), rig.Client.Address).First == 0) windows++;
        }
        Assert.AreEqual(3, windows, "a report for each of the three windows of 200 rows");
        var last = statuses[^1];
        Assert.AreEqual(Rows, last.Samples);
        Assert.AreEqual(Rows, last.Inferences);
        Assert.AreEqual(3, last.WindowsCompleted);
        Assert.AreEqual(Device.Drift.WindowVerdict.Confirmed, last.Verdict);
        Assert.IsTrue(last.Alarm);
        Assert.AreEqual(ModelReader.Read(Fixtures.FluxMlp).IdHex, last.ModelId);
        // The board's time is the clock's plus the modelled time of its inferences, and the board
        // checks its status interval at every step: so each status follows the last by the
        // interval and less than one step of board time more (a period and, while rows come, an
        // inference by the cost model), give or take the millisecond the uptime is truncated to.
        double modelled = BoardProfile.NucleoF746zg.InferenceMicros(Edge.Targets.Costs.ModelWork.Of(ModelReader.Read(Fixtures.FluxMlp)));
        double stepMs = period.TotalMilliseconds + modelled / 1000;
        Assert.IsGreaterThanOrEqualTo(Rows * stepMs / (StatusIntervalMs + stepMs), statuses.Count, $"a status every {StatusIntervalMs} ms while sampling");
        foreach (var (before, after) in statuses.Zip(statuses.Skip(1)))
        {
            long gap = after.UptimeMs - before.UptimeMs;
            Assert.IsTrue(gap >= StatusIntervalMs && gap < StatusIntervalMs + stepMs + 1,
                $"a status every {StatusIntervalMs} ms of board time, a step of {stepMs:0.###} ms: {before.UptimeMs} ms then {after.UptimeMs} ms");
            Assert.IsGreaterThanOrEqualTo(before.Samples, after.Samples, "counts only grow");
        }
        Assert.AreEqual(modelled, last.MeanInferenceMicros, 80, "inference time by the cost model");
    }
}
