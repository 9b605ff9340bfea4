using Edge.Device.Link.Messages;
using Edge.Device.Link;
using Edge.Board.Client;
using Edge.Board.Link;
using Edge.Board.Streaming;
using Edge.Board.Tests.Support;
using Edge.Data;
using Edge.Device.Board;
using Edge.Device.Drift;
using Edge.Device.Model;
using Edge.Drift.Replay;

namespace Edge.Board.Tests.Board;

/// <summary>
/// The whole board path: upload flux_mlp and its drift profile to a simulated board, stream
/// test_164V then drift_289V, and check the board's window reports (fetched, and pushed as
/// telemetry) against `edge drift replay` on the same data: no drift, then drift, same numbers.
/// </summary>
[TestClass]
public sealed class EndToEndDriftTests
{
    [TestMethod]
    public async Task BoardReportsTheSameWindowsAsReplay()
    {
        await using var rig = await BoardRig.StartAsync();
        await rig.Client.UploadAsync(UploadKind.Model, Fixtures.FluxMlp);
        await rig.Client.UploadAsync(UploadKind.DriftProfile, Fixtures.Profile);
        await rig.Client.SetTelemetryAsync(statusIntervalMs: 0, windowReports: true);

        var normal = Fixtures.Read("test_164V");
        var drifted = Fixtures.Read("drift_289V");
        var stream = new Table("164 V then 289 V", normal.Columns.Select(c => new TableColumn(c.Name, c.Texts.Concat(drifted.Column(c.Name).Texts).ToArray())).ToList());
        var profile = Fixtures.ParsedProfile;
        var (layout, rows) = BoardStreamer.Prepare(ModelReader.Read(Fixtures.FluxMlp), profile, stream);
        Assert.AreEqual(AnomalyRule.OutputAtLeast, layout.AnomalyRule, "flux_mlp gives a fault probability");
        var result = await BoardStreamer.StreamAsync(rig.Client, layout, rows);

        var replay = ReplayRunner.Run(profile, "profile", stream, new ReplayOptions());
        Assert.AreEqual(20, result.Windows.Count);
        Assert.AreEqual(replay.Windows.Count, result.Windows.Count);
        for (int w = 0; w < replay.Windows.Count; w++)
        {
            var board = result.Windows[w];
            var host = replay.Windows[w];
            Assert.AreEqual(host.Verdict, board.VerdictName, $"window {w + 1}");
            Assert.AreEqual(host.DriftedFeatures, board.DriftedFeatures, $"window {w + 1}");
            Assert.AreEqual(host.Alarm, board.Alarm, $"window {w + 1}");
            for (int c = 0; c < profile.Columns.Length; c++)
            {
                var b = board.Columns[c];
                var h = host.Columns[c];
                string where = $"window {w + 1}, column {h.Name}";
                Assert.AreEqual(h.Psi, b.PsiQ16 / 65536.0, where + " psi");
                Assert.AreEqual(h.Js, b.JsQ16 / 65536.0, where + " js");
                Assert.AreEqual(h.Hellinger, b.HellingerQ16 / 65536.0, where + " hellinger");
                Assert.AreEqual(h.Tvd, b.TvdQ16 / 65536.0, where + " tvd");
                if (h.Wasserstein is { } wasserstein) Assert.AreEqual(wasserstein, b.WassersteinQ16 / 65536.0, where + " wasserstein");
                Assert.AreEqual(h.Drifted, b.Drifted, where + " drifted");
            }
        }
        Assert.IsTrue(result.Windows.Take(10).All(w => w.Verdict == WindowVerdict.Clean), "no drift at 164 V");
        Assert.AreEqual(WindowVerdict.Confirmed, result.Windows[12].Verdict, "drift confirmed in the third 289 V window");
        Assert.IsTrue(result.FinalStatus.Alarm);
        Assert.AreEqual(4000, result.FinalStatus.Inferences);
        Assert.IsTrue(result.FinalStatus.Anomalies >= 2000, "every 289 V row looks faulty to the model");

        // The same reports arrived unasked, as telemetry.
        var pushed = new List<WindowReport>();
        var pages = new WindowPageJoiner();
        while (rig.Client.Link.Telemetry.TryRead(out var frame))
        {
            if (frame.Kind == TelemetryKind.Window && pages.Add(frame.Decode(new WindowPage(), rig.Client.Address)) is { } report) pushed.Add(report);
        }
        Assert.AreEqual(20, pushed.Count);
        for (int w = 0; w < 20; w++)
            CollectionAssert.AreEqual(result.Windows[w].Columns.ToList(), pushed[w].Columns.ToList(), $"telemetry window {w + 1}");
    }
}
