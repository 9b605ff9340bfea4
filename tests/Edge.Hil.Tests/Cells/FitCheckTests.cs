using Edge.Board.Client;
using Edge.Hil.Cells;
using Edge.Hil.Rigs;
using Edge.Hil.Tests.Support;
using Edge.Targets.Boards;

namespace Edge.Hil.Tests.Cells;

/// <summary>
/// Whether a model fits before it is uploaded, on the clamp model whose sizes are known by hand
/// (its file's length, a 2n-byte arena): each limit one byte either side, the smaller of the
/// rig's and the board's staging figure, every reason at once, and the rig's heap budget
/// replacing a known target's heap.
/// </summary>
[TestClass]
public sealed class FitCheckTests
{
    private static BoardHello Hello(int staging) => new(1, 1024, "1.0.0", "sim", staging, 4, 64, 2, false, 0, 0, 0, 1);

    private static RigBoard Unknown(RigBudgets budgets) => TestBoards.Nucleo("b1", target: "MY_OWN_BOARD", budgets: budgets);

    [TestMethod]
    public void AFileAsLargeAsTheStagingAreaFitsAndOneByteMoreDoesNot()
    {
        var model = ClampCell.Prepare(n: 8);
        int length = model.Edgem.Length;
        var board = Unknown(new RigBudgets(null, null, null));

        Assert.IsNull(FitCheck.Problem(board, Hello(length), model));
        Assert.AreEqual($"the model file is {length} bytes; b1 stages uploads of at most {length - 1} bytes", FitCheck.Problem(board, Hello(length - 1), model));
    }

    [TestMethod]
    public void TheSmallerOfTheRigsAndTheBoardsStagingFigureApplies()
    {
        var model = ClampCell.Prepare(n: 8);
        int length = model.Edgem.Length;

        Assert.AreEqual($"the model file is {length} bytes; b1 stages uploads of at most {length - 2} bytes",
            FitCheck.Problem(Unknown(new RigBudgets(length - 2, null, null)), Hello(1 << 20), model), "the rig's budget below the board's capacity");
        Assert.AreEqual($"the model file is {length} bytes; b1 stages uploads of at most {length - 3} bytes",
            FitCheck.Problem(Unknown(new RigBudgets(1 << 20, null, null)), Hello(length - 3), model), "the board's capacity below the rig's budget");
        Assert.IsNull(FitCheck.Problem(Unknown(new RigBudgets(length, null, null)), Hello(1 << 20), model));
    }

    [TestMethod]
    public void AnArenaAsLargeAsTheRigsBudgetFitsAndOneByteLessDoesNot()
    {
        var model = ClampCell.Prepare(n: 8); // arena: x and y, 8 bytes each
        Assert.IsNull(FitCheck.Problem(Unknown(new RigBudgets(null, 16, null)), Hello(1 << 20), model));
        Assert.AreEqual("the model needs a 16-byte arena; the budget is 15 bytes (--arena-budget)",
            FitCheck.Problem(Unknown(new RigBudgets(null, 15, null)), Hello(1 << 20), model));
    }

    [TestMethod]
    public void EveryReasonIsGivenAtOnce()
    {
        var model = ClampCell.Prepare(n: 8);
        int length = model.Edgem.Length;
        Assert.AreEqual($"the model file is {length} bytes; b1 stages uploads of at most 10 bytes; the model needs a 16-byte arena; the budget is 4 bytes (--arena-budget)",
            FitCheck.Problem(Unknown(new RigBudgets(10, 4, null)), Hello(1 << 20), model));
    }

    [TestMethod]
    public void AKnownTargetsHeapIsCheckedAndTheRigsHeapBudgetReplacesIt()
    {
        var model = ClampCell.Prepare(n: 8);
        Assert.IsNull(FitCheck.Problem(TestBoards.Nucleo(), Hello(1 << 20), model), "a clamp fits the F746ZG's heap");

        var tight = TestBoards.Nucleo(budgets: new RigBudgets(null, null, 1000));
        string? problem = FitCheck.Problem(tight, Hello(1 << 20), model);
        Assert.IsNotNull(problem, "1000 bytes of heap cannot hold nanoCLR and the board app");
        StringAssert.StartsWith(problem, "the model does not fit nucleo-f746zg: needs ");
        StringAssert.Contains(problem, "B short");
    }

    [TestMethod]
    public void TheTargetsMemoryModelWithTheRigsHeapBudget()
    {
        Assert.AreSame(BoardTarget.NucleoF746zg, FitCheck.Target(TestBoards.Nucleo()), "no heap budget: the target as Edge knows it");
        Assert.IsNull(FitCheck.Target(TestBoards.Nucleo(target: "MY_OWN_BOARD")), "a target Edge has no memory model for");

        var target = FitCheck.Target(TestBoards.Nucleo(budgets: new RigBudgets(null, null, 50_000)))!;
        Assert.AreEqual(50_000, target.ManagedHeapBytes);
        Assert.AreEqual("the rig's heap budget", target.HeapSource);
        Assert.AreEqual(BoardTarget.NucleoF746zg with { ManagedHeapBytes = 50_000, HeapSource = "the rig's heap budget" }, target, "nothing else changed");
    }
}
