using Edge.Models.Boards;
using Edge.Models.Tests.Support;

namespace Edge.Models.Tests;

/// <summary>A model whose memory exceeds the stated board budget fails clearly, in convert and in verify.</summary>
[TestClass]
public sealed class BudgetTests
{
    [TestMethod]
    public void ArenaAboveAnExplicitBudgetIsRefused()
    {
        var fixture = ConvertedFixtures.Get("flux_cnn1d");
        int arena = fixture.Model.ArenaBytes;
        var e = Assert.ThrowsExactly<MemoryBudgetException>(() => new MemoryBudget(arena - 1, null).CreateInterpreter(fixture.Model));
        StringAssert.Contains(e.Message, $"needs a {arena}-byte arena");
        StringAssert.Contains(e.Message, $"the budget is {arena - 1} bytes");
        Assert.IsNotNull(new MemoryBudget(arena, null).CreateInterpreter(fixture.Model), "exactly the arena fits");
    }

    [TestMethod]
    public void BoardHeapMustHoldConstantsAndArena()
    {
        var forest = ConvertedFixtures.Get("flux_iforest").Model;
        var e = Assert.ThrowsExactly<MemoryBudgetException>(() => new MemoryBudget(null, BoardBudget.Find("nucleo-f746zg")).CreateInterpreter(forest));
        StringAssert.Contains(e.Message, $"constants take {forest.ResidentBytes} bytes");

        var cnn = ConvertedFixtures.Get("flux_cnn1d").Model;
        var f091 = BoardBudget.Find("NUCLEO-F091RC");
        Assert.IsGreaterThan(f091.HeapBytes, cnn.ArenaBytes + cnn.ResidentBytes, "the CNN does not fit a Cortex-M0 heap");
        StringAssert.Contains(Assert.ThrowsExactly<MemoryBudgetException>(() => new MemoryBudget(null, f091).CreateInterpreter(cnn)).Message, "nucleo-f091rc");
        Assert.IsNotNull(new MemoryBudget(null, BoardBudget.Find("nucleo-f746zg")).CreateInterpreter(cnn));
    }

    [TestMethod]
    public void ConvertChecksTheBudgetBeforeWriting()
    {
        string output = Samples.ScratchFile("over-budget.edgem");
        var options = new ConvertOptions(Samples.File("flux_mlp.onnx"), Samples.File("train_164V.features.csv"), output)
        {
            Budget = new MemoryBudget(16, null),
            BiasCorrection = false,
        };
        StringAssert.Contains(Assert.ThrowsExactly<MemoryBudgetException>(() => ModelConverter.Convert(options)).Message, "the budget is 16 bytes");
        Assert.IsFalse(File.Exists(output));
        Assert.ThrowsExactly<Edge.Common.SettingException>(() => BoardBudget.Find("arduino-uno"));
    }
}
