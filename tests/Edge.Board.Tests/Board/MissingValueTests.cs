using Edge.Board.Streaming;
using Edge.Board.Tests.Support;
using Edge.Data;
using Edge.Device.Board;
using Edge.Drift.Replay;

namespace Edge.Board.Tests.Board;

/// <summary>
/// Issue 12, "missing values", end to end: empty cells in a data file travel to the board as NaN,
/// are counted per feature in every window report and in the status, and give the same counts and
/// statistics as `edge drift replay` over the same file.
/// </summary>
[TestClass]
public sealed class MissingValueTests
{
    [TestMethod]
    public async Task EmptyCellsAreCountedOnTheBoardAsInReplay()
    {
        await using var rig = await BoardRig.StartAsync();
        await rig.Client.UploadAsync(UploadKind.DriftProfile, Fixtures.Profile);
        var source = Fixtures.Read("test_164V");
        // Every tenth row has no f3, every twentieth no load (a category).
        var table = new Table("test_164V with gaps", source.Columns.Select(c => new TableColumn(c.Name,
            c.Texts.Select((text, r) => c.Name == "f3" && r % 10 == 0 || c.Name == "load" && r % 20 == 0 ? "" : text).ToArray())).ToList());
        var profile = Fixtures.ParsedProfile;
        var (layout, rows) = BoardStreamer.Prepare(null, profile, table);
        var result = await BoardStreamer.StreamAsync(rig.Client, layout, rows);

        int f3 = profile.IndexOf("f3"), load = profile.IndexOf("load");
        Assert.HasCount(10, result.Windows);
        Assert.IsTrue(result.Windows.All(w => w.Columns[f3].Missing == 20 && w.Columns[load].Missing == 10 && w.Columns.Sum(c => c.Missing) == 30), "per window: 20 f3 and 10 load missing, nothing else");
        Assert.AreEqual(300, result.FinalStatus.MissingValues);

        var replay = ReplayRunner.Run(profile, "profile", table, new ReplayOptions());
        Assert.AreEqual(300, replay.Summary.MissingValues);
        for (int w = 0; w < 10; w++)
        {
            for (int c = 0; c < profile.Columns.Length; c++)
            {
                Assert.AreEqual(replay.Windows[w].Columns[c].Missing, result.Windows[w].Columns[c].Missing, $"window {w + 1}, column {c}");
                Assert.AreEqual(replay.Windows[w].Columns[c].Psi, result.Windows[w].Columns[c].PsiQ16 / 65536.0, $"window {w + 1}, column {c}");
            }
        }
    }
}
