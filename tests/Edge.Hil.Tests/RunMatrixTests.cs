using Edge.Hil.Inputs;
using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Rigs;

namespace Edge.Hil.Tests;

/// <summary>The cells of a run: their order, the board choice, the firmware list's checks, and the cell key.</summary>
[TestClass]
public sealed class RunMatrixTests
{
    private static readonly Rig ThreeBoards = RigLoader.Parse(
        "rig: three\nboards:\n" +
        "  - name: a\n    kind: simulated\n    profile: nucleo-f746zg\n" +
        "  - name: b\n    kind: simulated\n    profile: nucleo-f401re\n" +
        "  - name: c\n    kind: simulated\n    profile: nucleo-f401re\n", "three.yaml");

    private static readonly ModelSource[] Models = [new("m1", "m1.onnx", null), new("m2", "m2.onnx", null)];

    private static string[] Keys(IEnumerable<MatrixCell> cells) => cells.Select(c => c.Key).ToArray();

    [TestMethod]
    public void CellsGoBoardThenFirmwareThenModel()
    {
        var cells = RunMatrix.Build(ThreeBoards, Models, ["f1", "f2"], boards: ["c", "a"]);
        // the rig's board order, not the order asked in: a board is flashed once per revision
        CollectionAssert.AreEqual(new[]
        {
            "m1@a@f1", "m2@a@f1", "m1@a@f2", "m2@a@f2",
            "m1@c@f1", "m2@c@f1", "m1@c@f2", "m2@c@f2",
        }, Keys(cells));
    }

    [TestMethod]
    public void NoBoardListOrAnEmptyOneMeansEveryBoard()
    {
        var every = new[] { "m1@a@current", "m1@b@current", "m1@c@current" };
        CollectionAssert.AreEqual(every, Keys(RunMatrix.Build(ThreeBoards, Models[..1], [FirmwareVersions.Current])));
        CollectionAssert.AreEqual(every, Keys(RunMatrix.Build(ThreeBoards, Models[..1], [FirmwareVersions.Current], boards: [])));
    }

    [TestMethod]
    public void AnUnknownBoardIsAnErrorNamingTheRigsBoards()
    {
        var e = Assert.ThrowsExactly<RigException>(() => RunMatrix.Build(ThreeBoards, Models, ["f1"], boards: ["a", "z"]));
        StringAssert.Contains(e.Message, "no board 'z' (boards: a, b, c)");
    }

    [TestMethod]
    public void TheFirmwareListIsChecked()
    {
        var none = Assert.ThrowsExactly<ArgumentException>(() => RunMatrix.Build(ThreeBoards, Models, []));
        Assert.AreEqual("firmware", none.ParamName);
        StringAssert.StartsWith(none.Message, "at least one firmware revision");
        var twice = Assert.ThrowsExactly<HilInputException>(() => RunMatrix.Build(ThreeBoards, Models, ["f1", "f2", "f1"]));
        Assert.AreEqual("--firmware names a revision twice", twice.Message);
    }

    [TestMethod]
    public void TheKeyIsSafeAsAFileName()
    {
        var board = ThreeBoards.Board("a");
        var cell = new MatrixCell(new ModelSource("fan v2/é:x", "x.onnx", null), board, "1.2-rc_3+b");
        // ASCII letters, digits, '.', '_' and '-' stay; anything else (a space, '/', 'é', ':', '+') becomes '_'
        Assert.AreEqual("fan_v2___x@a@1.2-rc_3_b", cell.Key);
        Assert.AreEqual("fan v2/é:x on a (firmware 1.2-rc_3+b)", cell.ToString());
        Assert.AreEqual("Zz09@a@current", new MatrixCell(new ModelSource("Zz09", "x.onnx", null), board, "current").Key);
    }
}
