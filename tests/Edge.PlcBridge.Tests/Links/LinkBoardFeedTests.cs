using System.Globalization;
using Edge.Board.Simulation;
using Edge.Device.Drift;
using Edge.Device.Numerics;
using Edge.PlcBridge.Boards;
using Edge.PlcBridge.Configuration;
using Edge.PlcBridge.Links;
using Edge.PlcBridge.Tests.Support;

namespace Edge.PlcBridge.Tests.Links;

/// <summary>The bridge's feed over the real board link, against a simulated board sampling its own 289 V data.</summary>
[TestClass]
public sealed class LinkBoardFeedTests
{
    /// <summary>Issue 12, "unknown shown as 0": a feed that (re)connects reads the board's last window at once, not at the next one.</summary>
    [TestMethod]
    public async Task AConnectingFeedKnowsTheLastWindowAtOnce()
    {
        await using var rig = await Rig.StartAsync(rows: 250);
        await Eventually.TrueAsync(() => rig.Board.Runtime.Rows.Samples == 250, "the board sampled 250 rows: one window closed");
        var drift = rig.Board.Runtime.Rows.Drift!;

        for (int connection = 1; connection <= 2; connection++)
        {
            await using var feed = new LinkBoardFeed(rig.Endpoint);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var snapshots = new List<BoardSnapshot>();
            await foreach (var snapshot in feed.WatchAsync(stop.Token))
            {
                snapshots.Add(snapshot);
                if (snapshots.Count == 2) break;
            }
            var known = snapshots[1];
            Assert.IsTrue(known.WindowValid, $"connection {connection}: the window is known before any new one closes");
            Assert.AreEqual(1, known.WindowsCompleted);
            Assert.AreEqual(drift.Policy.LastVerdict, known.Verdict);
            Assert.AreEqual(Q16.ToDouble(drift.LastWindow.DriftShareQ16), known.DriftScore);
            Assert.AreEqual((double)drift.LastWindow.Anomalies / drift.LastWindow.Samples, known.AnomalyRate);
            Assert.AreEqual(rig.Board.Runtime.Rows.Samples, known.Samples);
        }
    }

    /// <summary>Issue 12, "capture lost on acknowledge": the PLC's acknowledge stores the board's capture before the board lets it go.</summary>
    [TestMethod]
    public async Task AnAcknowledgeStoresTheCaptureBeforeTheBoardReleasesIt()
    {
        await using var rig = await Rig.StartAsync(rows: 600);
        var capture = rig.Board.Runtime.Rows.Drift!.Capture;
        await Eventually.TrueAsync(() => capture.State == CaptureState.Frozen && rig.Board.Runtime.Rows.Samples == 600, "drift confirmed, capture frozen");
        var expected = Enumerable.Range(0, capture.Count).Select(i =>
        {
            var values = new int[capture.Columns];
            long sample = capture.CopyRow(i, values, 0, out bool anomalous);
            return (sample, anomalous, values);
        }).ToList();

        await using var feed = new LinkBoardFeed(rig.Endpoint);
        await using var snapshots = feed.WatchAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.IsTrue(await snapshots.MoveNextAsync());
        await feed.AcknowledgeAlarmAsync(CancellationToken.None);

        string file = Path.Combine(rig.Endpoint.CaptureFolder, $"Loom3-window-{capture.FrozenAtWindow.ToString(CultureInfo.InvariantCulture)}.csv");
        Assert.AreEqual(CaptureState.Idle, capture.State, "released once stored");
        Assert.IsFalse(rig.Board.Runtime.Rows.Drift!.Policy.Alarm);
        var lines = File.ReadAllLines(file);
        var profile = DriftProfileReader.Read(SimulatedBoards.ProfileBytes, "profile");
        Assert.AreEqual("sample,anomalous," + string.Join(",", profile.Columns.Select(c => c.Name)), lines[0]);
        Assert.HasCount(expected.Count + 1, lines);
        for (int r = 0; r < expected.Count; r++)
        {
            var cells = lines[r + 1].Split(',');
            Assert.AreEqual(expected[r].sample, long.Parse(cells[0], CultureInfo.InvariantCulture));
            Assert.AreEqual(expected[r].anomalous ? "1" : "0", cells[1]);
            for (int c = 0; c < profile.Columns.Length; c++)
            {
                var column = profile.Columns[c];
                string want = column.IsBinned ? FixedPointInput.ToDouble(expected[r].values[c], column.Shift).ToString("R", CultureInfo.InvariantCulture)
                    : column.Categories[expected[r].values[c]];
                Assert.AreEqual(want, cells[2 + c], $"row {r}, {column.Name}");
            }
        }
    }

    [TestMethod]
    public async Task ACaptureThatCannotBeStoredIsNotReleased()
    {
        string blocker = Path.Combine(RepoPaths.TempDirectory("captures-blocked"), "a-file");
        File.WriteAllText(blocker, "not a folder");
        await using var rig = await Rig.StartAsync(rows: 600, captureFolder: Path.Combine(blocker, "captures"));
        var capture = rig.Board.Runtime.Rows.Drift!.Capture;
        await Eventually.TrueAsync(() => capture.State == CaptureState.Frozen && rig.Board.Runtime.Rows.Samples == 600, "drift confirmed, capture frozen");

        await using var feed = new LinkBoardFeed(rig.Endpoint);
        await using var snapshots = feed.WatchAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.IsTrue(await snapshots.MoveNextAsync());
        var e = await Assert.ThrowsAsync<IOException>(() => feed.AcknowledgeAlarmAsync(CancellationToken.None));
        StringAssert.Contains(e.Message, blocker);
        Assert.AreEqual(CaptureState.Frozen, capture.State, "the board keeps what was not stored");
        Assert.IsTrue(rig.Board.Runtime.Rows.Drift!.Policy.Alarm);
    }

    /// <summary>A simulated board with flux_mlp and the motor-flux profile, sampling 289 V rows; the feed's endpoint for it.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private Rig(SimulatedBoard board, SimulatedBoardHost host, BoardEndpointConfig endpoint)
        {
            Board = board;
            Host = host;
            Endpoint = endpoint;
        }

        public SimulatedBoard Board { get; }

        public SimulatedBoardHost Host { get; }

        public BoardEndpointConfig Endpoint { get; }

        public static async Task<Rig> StartAsync(int rows, string? captureFolder = null)
        {
            var board = new SimulatedBoard(BoardProfile.NucleoF746zg, RepoPaths.TempDirectory("feed-board"), "loom3");
            var host = SimulatedBoardHost.ListenTcp(board, System.Net.IPAddress.Loopback, 0);
            await SimulatedBoards.LoadFluxMlpAsync(host.Address, board, rows);
            string profile = Path.Combine(RepoPaths.TempDirectory("feed-profile"), "motor.edgp");
            File.WriteAllBytes(profile, SimulatedBoards.ProfileBytes);
            var endpoint = new BoardEndpointConfig("Loom3", host.Address, 115200, TimeSpan.FromSeconds(5), 1)
            {
                ProfilePath = profile,
                CaptureFolder = captureFolder ?? RepoPaths.TempDirectory("feed-captures"),
            };
            return new Rig(board, host, endpoint);
        }

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            Board.Dispose();
        }
    }
}
