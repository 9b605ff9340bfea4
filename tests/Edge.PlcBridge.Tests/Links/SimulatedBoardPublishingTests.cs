using Edge.Board.Simulation;
using Edge.Device.Drift;
using Edge.Device.Numerics;
using Edge.PlcBridge.Boards;
using Edge.PlcBridge.Links;
using Edge.PlcBridge.Tests.Support;

namespace Edge.PlcBridge.Tests.Links;

/// <summary>
/// The whole path from a board to a PLC: a simulated board runs flux_mlp and the motor-flux
/// profile on its own 289 V samples, the bridge reads it over the real link, and a PLC reads the
/// DUT over ADS. Every member must equal what the board itself holds (its counters, its drift
/// monitor's last window, per feature), not what the bridge passed along.
/// </summary>
[TestClass]
public sealed class SimulatedBoardPublishingTests
{
    [TestMethod]
    public async Task EveryPublishedMemberIsWhatTheBoardHolds()
    {
        using var board = new SimulatedBoard(BoardProfile.NucleoF746zg.WithUnconstrainedMemory(), RepoPaths.TempDirectory("publish-board"), "loom3");
        await using var boardHost = SimulatedBoardHost.ListenTcp(board, System.Net.IPAddress.Loopback, 0);
        string modelId = await SimulatedBoards.LoadFluxMlpAsync(boardHost.Address, board, rows: 600);
        await Eventually.TrueAsync(() => board.Runtime.Rows.Samples == 600, "the board sampled its 600 rows", TimeSpan.FromSeconds(60));
        var rows = board.Runtime.Rows;
        var drift = rows.Drift!;
        int columns = drift.Profile.Columns.Length;

        // One slot per profile column: every feature is published.
        string yaml = TestBridge.Yaml(features: columns).Replace("tcp://127.0.0.1:4711", boardHost.Address, StringComparison.Ordinal);
        await using var bridge = await TestBridge.StartAsync(yaml, new LinkBoardFeeds(), new ScriptedFeeds());
        await using var plc = await PlcView.ConnectAsync(bridge);
        var image = await plc.ReadUntilAsync("Loom3", i => (bool)i["WindowValid"] && Convert.ToInt64(i["Samples"]) == 600
            && Convert.ToInt64(i["WindowsCompleted"]) == drift.WindowsCompleted, "showing the board's last window and count");

        var report = drift.LastWindow;
        var featureDrift = new double[columns];
        var saturated = new bool[columns];
        for (int c = 0; c < columns; c++)
        {
            int q16 = Statistic(drift.Profile.Columns[c].Test, report, c);
            saturated[c] = q16 == DriftReport.Saturated;
            featureDrift[c] = Q16.ToDouble(q16);
        }
        var fromBoard = new BoardSnapshot(
            Board: "Loom3", Online: true, LastSeen: null, StatusValid: true, ModelId: modelId,
            WindowsCompleted: drift.WindowsCompleted, Samples: rows.Samples, Inferences: rows.Inferences, Anomalies: rows.Anomalies,
            MissingValues: drift.MissingValues, DriftAlarm: drift.Policy.Alarm, WindowValid: true,
            AnomalyRate: (double)report.Anomalies / report.Samples, DriftScore: Q16.ToDouble(report.DriftShareQ16), Verdict: drift.Policy.LastVerdict,
            FeatureNames: [], FeatureDrift: featureDrift, FeatureSaturated: saturated, FeatureDrifted: report.Drifted.Take(columns).ToArray(),
            FeatureMissing: report.Missing.Take(columns).ToArray(),
            InferenceMicrosMean: rows.LastWindowMeanMicros, InferenceMicrosMax: rows.MaxInferenceMicros, LastError: "");
        var expected = ExpectedBoard.Of("Loom3", fromBoard, columns, plc.Dut.Size, online: true, stale: false, updates: 0, lastError: "");

        // The bridge's own members: how often it updated and when it last heard from the board.
        Assert.IsGreaterThanOrEqualTo(1L, Convert.ToInt64(image["Updates"]));
        var lastSeen = DateTime.FromFileTimeUtc((long)(ulong)image["LastSeen"]);
        Assert.IsLessThan(TimeSpan.FromMinutes(1), (DateTime.UtcNow - lastSeen).Duration(), $"LastSeen {lastSeen:O}");
        expected["Updates"] = image["Updates"];
        expected["LastSeen"] = image["LastSeen"];

        Assert.IsTrue(drift.Policy.Alarm, "the 289 V rows confirm drift: the alarm members are exercised too");
        Assert.IsTrue(report.Drifted.Take(columns).Any(d => d) && report.Drifted.Take(columns).Any(d => !d), "both drifted and undrifted features");
        Assert.AreEqual(columns, drift.Profile.Columns.Length);
        ExpectedBoard.AssertEqual(expected, image, "Loom3");
    }

    // The statistic each column's test decides on, read from the board's report by test (DriftTest).
    internal static int Statistic(byte test, DriftReport r, int c) => test switch
    {
        DriftTest.Psi => r.Psi[c],
        DriftTest.KullbackLeibler => r.Kl[c],
        DriftTest.JensenShannon => r.Js[c],
        DriftTest.Hellinger => r.Hellinger[c],
        DriftTest.TotalVariation => r.Tvd[c],
        DriftTest.KolmogorovSmirnov => r.Ks[c],
        DriftTest.Wasserstein => r.Wasserstein[c],
        DriftTest.ChiSquare => r.ChiSquare[c],
        DriftTest.ZTest => r.Z[c],
        _ => throw new AssertFailedException($"column {c}: unknown test {test}"),
    };
}
