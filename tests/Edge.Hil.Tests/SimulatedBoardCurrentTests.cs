using Edge.Targets.Costs;
using System.Net;
using Edge.Board.Client;
using Edge.Board.Simulation;
using Edge.Device.Board;
using Edge.Device.Model;
using Edge.Hil.Bench.Simulated;
using Edge.Hil.Tests.Support;
using Edge.TestSupport;

namespace Edge.Hil.Tests;

/// <summary>
/// The simulated board as a current profile: the charge over its timeline is idle current plus
/// the extra of each modelled inference (the cost model's duration), and the profile never
/// answers for a moment whose pin state is not settled yet.
/// </summary>
[TestClass]
public sealed class SimulatedBoardCurrentTests
{
    [TestMethod]
    public async Task TheChargeIsIdlePlusEachModelledInference()
    {
        var profile = BoardProfile.NucleoF746zg;
        using var board = new SimulatedBoard(profile, RepoPaths.TempDirectory("hil-current"));
        await using var host = SimulatedBoardHost.ListenTcp(board, IPAddress.Loopback, 0);
        var (client, _) = await BoardClient.ConnectAsync(host.Address);
        await using var _1 = client;
        var bytes = File.ReadAllBytes(ConvertedModels.Mlp);
        await client.UploadAsync(UploadKind.Model, bytes);
        var model = ModelReader.Read(bytes);
        await client.SetVectorAsync(0, new float[64]);

        var current = new SimulatedBoardCurrent();
        current.Attach(board);
        current.Arm();
        Assert.AreEqual(profile.IdleMilliamps / 1000, current.MeanCurrent(0, 0.0001), 1e-12, "time 0 is fixed by the first question");
        using (current.InferenceCommand())
            await client.InferAsync(0, 1, 3, 1);
        var periods = current.Periods();
        Assert.AreEqual(3, periods.Count);
        double modelled = profile.InferenceMicros(ModelWork.Of(model)) / 1e6;
        // Each high period lasts the modelled time, plus the few microseconds the host takes between the pin's two clock reads.
        foreach (var period in periods) Assert.AreEqual(modelled, period.Seconds, modelled * 0.01);

        // Integrate the profile in 10 us steps, as a 100 kHz monitor does, over the whole burst.
        const double step = 1e-5, start = 0.0001;
        int steps = (int)Math.Ceiling((periods[^1].End + 0.001 - start) / step);
        double charge = 0;
        for (int k = 0; k < steps; k++) charge += current.MeanCurrent(start + k * step, start + (k + 1) * step) * step;
        double idle = profile.IdleMilliamps / 1000, active = profile.ActiveMilliamps / 1000;
        double expected = idle * steps * step + (active - idle) * periods.Sum(p => p.Seconds);
        Assert.AreEqual(expected, charge, expected * 1e-6);
    }

    [TestMethod]
    public async Task WhileAnInferenceCommandRunsTheFutureIsNotAnswered()
    {
        using var board = new SimulatedBoard(BoardProfile.NucleoF401re, RepoPaths.TempDirectory("hil-causal"));
        var current = new SimulatedBoardCurrent();
        current.Attach(board);
        current.Arm();
        current.MeanCurrent(0, 1e-5);
        var scope = current.InferenceCommand();
        // 20 ms past the freeze: the pin may be high by then; the answer must wait for the command to end.
        var answer = Task.Run(() => current.MeanCurrent(0.02, 0.02001));
        // Held back by state: the query waits in the timeline's wait, which only the command's end (or a release) lets go of.
        await Eventually.TrueAsync(() => current.Waiting == 1 || answer.IsCompleted, "the query reached the wait");
        Assert.IsFalse(answer.IsCompleted, "answered a moment the board had not settled");
        Assert.AreEqual(1, current.Waiting);
        scope.Dispose();
        Assert.AreEqual(BoardProfile.NucleoF401re.IdleMilliamps / 1000, await answer.WaitAsync(TimeSpan.FromSeconds(10)), 1e-12);

        current.InferenceCommand();
        var abandoned = Task.Run(() => current.MeanCurrent(0.5, 0.50001));
        current.Release();
        Assert.AreEqual(BoardProfile.NucleoF401re.IdleMilliamps / 1000, await abandoned.WaitAsync(TimeSpan.FromSeconds(10)), 1e-12, "a released profile frees its waiters");
    }
}
