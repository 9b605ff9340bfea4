using Edge.Board.Client;
using Edge.Board.Link;
using Edge.Board.Tests.Support;
using Edge.Device.Board;
using Edge.Device.Model;

namespace Edge.Board.Tests.Board;

/// <summary>
/// Commands over noisy lines: every command completes through resends, none runs twice (the
/// board answers a resent request from its response cache), and what arrives is what was sent.
/// The response timeouts are of the rig's fake clock, which moves only while an answer is lost
/// (<see cref="QuietLinkClock"/>): resends follow lost frames, never a busy machine.
/// </summary>
[TestClass]
public sealed class NoisyLinkTests
{
    private static readonly LinkOptions Patient = new() { ResponseTimeout = TimeSpan.FromMilliseconds(15), Attempts = 60 };

    /// <summary>
    /// 100 000 frames (50 000 rows requests and their responses, the window of 4 full), 1 % of them
    /// hit by a flipped, dropped or inserted byte: every row processed exactly once.
    /// </summary>
    [TestMethod]
    public async Task OneHundredThousandFramesWithOnePercentDamaged()
    {
        await using var rig = await BoardRig.StartAsync(noise: 0.01, seed: 11, options: new LinkOptions { ResponseTimeout = TimeSpan.FromMilliseconds(10), Attempts = 60 }, noisePerFrame: true);
        await rig.Client.UploadAsync(UploadKind.Model, Fixtures.FluxMlp);
        var test = Fixtures.Read("test_164V").NumberRows(Enumerable.Range(0, 64).Select(i => "f" + i).ToArray())
            .Select(r => r.Select(v => (float)v).ToArray()).ToArray();
        int perFrame = BoardClient.RowsPerFrame(64);
        var rows = Enumerable.Range(0, 50_000 * perFrame).Select(i => test[i % test.Length]).ToArray();
        long samples = await rig.Client.StreamRowsAsync(rows);
        Assert.AreEqual(rows.Length, samples, "every row processed exactly once");
        var status = await rig.Client.StatusAsync();
        Assert.AreEqual(rows.Length, status.Inferences);
        var stats = rig.Client.Link.Statistics;
        long framesHit = rig.Line.HostNoise.FramesHit + rig.Line.BoardNoise.FramesHit;
        Assert.IsTrue(stats.Requests > 50_000, $"premise: 100 000 frames ({stats.Requests} requests)");
        Assert.IsTrue(framesHit > 500, $"premise: about 1 % of 100 000 frames were hit ({framesHit})");
        Assert.IsTrue(stats.Resends > 0 && status.FramesRejected > 0 && status.OutOfOrder > 0, "premise: resends, rejections and gaps in the pipeline");
        Console.WriteLine($"{stats.Requests} requests, {framesHit} frames hit, {stats.Resends} resends, {stats.OutOfOrder} out-of-order answers, board rejected {status.FramesRejected}, host rejected {stats.FramesRejected}, {status.ResentFromCache} answered from the cache; the link's clock stepped {rig.Clock.Steps} times");
    }

    /// <summary>A harsher line: 0.3 % of all bytes damaged, so large frames rarely survive; uploads shrink their chunks and still arrive whole.</summary>
    [TestMethod]
    public async Task CommandsCompleteExactlyOnceThroughANoisyLine()
    {
        await using var rig = await BoardRig.StartAsync(noise: 0.003, seed: 7, options: Patient);

        // A whole model (about 5 KB in 5 chunks) arrives intact: the board checks its CRC-32 before loading it.
        var upload = await rig.Client.UploadAsync(UploadKind.Model, Fixtures.FluxMlp);
        Assert.AreEqual(ModelReader.Read(Fixtures.FluxMlp).IdHex, upload.ModelId);

        // Rows are state-changing: a resent rows request must not be processed twice.
        var table = Fixtures.Read("test_164V");
        var columns = Enumerable.Range(0, 64).Select(i => "f" + i).ToArray();
        var rows = table.NumberRows(columns).Select(r => r.Select(v => (float)v).ToArray()).ToArray();
        int sent = 0;
        long boardSamples = 0;
        for (int i = 0; i < 400; i++)
        {
            var one = new[] { rows[i % rows.Length] };
            var (taken, samples, _) = await rig.Client.SendRowsAsync(one, 0);
            sent += taken;
            boardSamples = samples;
        }
        Assert.AreEqual(sent, boardSamples, "every row processed exactly once");
        var status = await rig.Client.StatusAsync();
        Assert.AreEqual(400, status.Inferences);

        var stats = rig.Client.Link.Statistics;
        Assert.IsTrue(stats.Resends > 20, $"premise: the line lost frames ({stats.Resends} resends)");
        Assert.IsTrue(status.FramesRejected > 20, $"premise: the board rejected corrupt frames ({status.FramesRejected})");
        Assert.IsTrue(status.ResentFromCache > 0, $"premise: some resends reached the board twice ({status.ResentFromCache} answered from the cache)");
        Console.WriteLine($"{stats.Requests} requests, {stats.Resends} resends, board rejected {status.FramesRejected} frames ({status.CrcErrors} CRC), host rejected {stats.FramesRejected}, {status.ResentFromCache} answered from the board's cache; line faults {rig.Line.HostNoise.Faults + rig.Line.BoardNoise.Faults}");
    }

    /// <summary>
    /// The pipelined path (window 4) under 1 % of frames damaged: a model and profile uploaded with
    /// chunks in flight arrive whole (the board checks their CRC-32 at commit), and 4,000 rows
    /// streamed with the window full are taken exactly once and in order: the board's sample count,
    /// every window's report equal to `edge drift replay` over the rows in order, and the capture's
    /// rows equal to the rows its sample numbers name.
    /// </summary>
    [TestMethod]
    public async Task PipelinedUploadsAndRowsUnderOnePercentDamagedFrames()
    {
        await using var rig = await BoardRig.StartAsync(noise: 0.01, seed: 23, noisePerFrame: true,
            options: new LinkOptions { ResponseTimeout = TimeSpan.FromMilliseconds(20), Attempts = 60 });
        Assert.AreEqual(4, rig.Client.Link.Window, "premise: the simulated F746ZG pipelines 4 requests");
        var uploaded = await rig.Client.UploadAsync(UploadKind.Model, Fixtures.FluxMlp);
        Assert.AreEqual(ModelReader.Read(Fixtures.FluxMlp).IdHex, uploaded.ModelId);
        await rig.Client.UploadAsync(UploadKind.DriftProfile, Fixtures.Profile);

        var normal = Fixtures.Read("test_164V");
        var drifted = Fixtures.Read("drift_289V");
        var table = new Edge.Data.Table("164 V then 289 V", normal.Columns.Select(c => new Edge.Data.TableColumn(c.Name, c.Texts.Concat(drifted.Column(c.Name).Texts).ToArray())).ToList());
        var profile = Fixtures.ParsedProfile;
        var (layout, rows) = Streaming.BoardStreamer.Prepare(ModelReader.Read(Fixtures.FluxMlp), profile, table);
        var result = await Streaming.BoardStreamer.StreamAsync(rig.Client, layout, rows);

        Assert.AreEqual(4000, result.FinalStatus.Samples, "every row taken once: none lost, none twice");
        var replay = Edge.Drift.Replay.ReplayRunner.Run(profile, "profile", table, new Edge.Drift.Replay.ReplayOptions());
        Assert.HasCount(replay.Windows.Count, result.Windows);
        for (int w = 0; w < replay.Windows.Count; w++)
        {
            Assert.AreEqual(replay.Windows[w].Verdict, result.Windows[w].VerdictName, $"window {w + 1}");
            for (int c = 0; c < profile.Columns.Length; c++)
                Assert.AreEqual(replay.Windows[w].Columns[c].Psi, result.Windows[w].Columns[c].PsiQ16 / 65536.0, $"window {w + 1} column {c}: the same rows in the same windows");
        }
        var capture = await rig.Client.CaptureReadAsync();
        Assert.IsTrue(capture.Count > 0, "premise: drift froze a capture");
        var encoded = Edge.Drift.Replay.RowEncoder.Encode(profile, table);
        foreach (var row in capture)
            CollectionAssert.AreEqual(encoded[row.Sample], row.Values, $"captured sample {row.Sample} is that row, in its place");
        CollectionAssert.AreEqual(capture.Select(r => r.Sample).Order().ToArray(), capture.Select(r => r.Sample).ToArray(), "captured in order");

        var stats = rig.Client.Link.Statistics;
        long framesHit = rig.Line.HostNoise.FramesHit + rig.Line.BoardNoise.FramesHit;
        Assert.IsTrue(framesHit > 20 && stats.Resends > 0, $"premise: frames were damaged ({framesHit}) and resent ({stats.Resends})");
        Console.WriteLine($"{stats.Requests} requests, {framesHit} frames hit, {stats.Resends} resends, {stats.OutOfOrder} out-of-order answers, {result.FinalStatus.ResentFromCache} answered from the board's cache, {result.FinalStatus.OutOfOrder} refused out of order by the board");
    }

    [TestMethod]
    public async Task SilentBoardFailsWithAMessageNamingTheAddressAndCommand()
    {
        var e = await Assert.ThrowsExactlyAsync<BoardLinkException>(() => BoardRig.StartAsync(noise: 1.0, seed: 3, options: new LinkOptions { ResponseTimeout = TimeSpan.FromMilliseconds(20), Attempts = 3 }));
        StringAssert.Contains(e.Message, "in-memory line");
        StringAssert.Contains(e.Message, "0x01 (hello)");
        StringAssert.Contains(e.Message, "3 attempts");
    }
}
