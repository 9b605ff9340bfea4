using Edge.Board.Link;
using Edge.Board.Tests.Support;
using Edge.Device.Board;
using Edge.Device.Model;

namespace Edge.Board.Tests.Board;

/// <summary>
/// Commands over noisy lines: every command completes through resends, none runs twice (the
/// board answers a resent request from its response cache), and what arrives is what was sent.
/// </summary>
[TestClass]
public sealed class NoisyLinkTests
{
    private static readonly LinkOptions Patient = new() { ResponseTimeout = TimeSpan.FromMilliseconds(15), Attempts = 60 };

    /// <summary>100 000 frames (50 000 requests and their responses), 1 % of them hit by a flipped, dropped or inserted byte.</summary>
    [TestMethod]
    public async Task OneHundredThousandFramesWithOnePercentDamaged()
    {
        await using var rig = await BoardRig.StartAsync(noise: 0.01, seed: 11, options: new LinkOptions { ResponseTimeout = TimeSpan.FromMilliseconds(10), Attempts = 60 }, noisePerFrame: true);
        await rig.Client.UploadAsync(UploadKind.Model, Fixtures.FluxMlp);
        var rows = Fixtures.Read("test_164V").NumberRows(Enumerable.Range(0, 64).Select(i => "f" + i).ToArray())
            .Select(r => r.Select(v => (float)v).ToArray()).ToArray();
        const int Requests = 50_000;
        long taken = 0, samples = 0;
        for (int i = 0; i < Requests; i++)
        {
            var (count, boardSamples, _) = await rig.Client.SendRowsAsync(rows, i % rows.Length);
            taken += count;
            samples = boardSamples;
        }
        Assert.AreEqual(taken, samples, "every row processed exactly once");
        var status = await rig.Client.StatusAsync();
        var stats = rig.Client.Link.Statistics;
        long framesHit = rig.Line.HostNoise.FramesHit + rig.Line.BoardNoise.FramesHit;
        Assert.IsTrue(framesHit > 500, $"premise: about 1 % of 100 000 frames were hit ({framesHit})");
        Assert.IsTrue(stats.Resends > 0 && status.FramesRejected > 0);
        Console.WriteLine($"{stats.Requests} requests, {framesHit} frames hit, {stats.Resends} resends, board rejected {status.FramesRejected}, host rejected {stats.FramesRejected}, {status.ResentFromCache} answered from the cache");
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

    [TestMethod]
    public async Task SilentBoardFailsWithAMessageNamingTheAddressAndCommand()
    {
        var e = await Assert.ThrowsExactlyAsync<BoardLinkException>(() => BoardRig.StartAsync(noise: 1.0, seed: 3, options: new LinkOptions { ResponseTimeout = TimeSpan.FromMilliseconds(20), Attempts = 3 }));
        StringAssert.Contains(e.Message, "in-memory line");
        StringAssert.Contains(e.Message, "0x01 (hello)");
        StringAssert.Contains(e.Message, "3 attempts");
    }
}
