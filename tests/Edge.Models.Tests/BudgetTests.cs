using Edge.Models.Boards;
using Edge.Targets.Boards;
using Edge.Targets.Memory;
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
    public void BoardHeapMustHoldTheBoardAppAndTheModel()
    {
        // The IsolationForest's 80 KB of trees cannot fit a heap of about 63 KB, whatever else runs.
        var forest = ConvertedFixtures.Get("flux_iforest").Model;
        var e = Assert.ThrowsExactly<MemoryBudgetException>(() => new MemoryBudget(null, BoardTarget.NucleoF746zg).CreateInterpreter(forest));
        StringAssert.Contains(e.Message, "does not fit nucleo-f746zg");
        StringAssert.Contains(e.Message, "B short");
        var fit = BoardMemory.Check(BoardTarget.NucleoF746zg, forest, null);
        Assert.IsGreaterThan(forest.ResidentBytes, fit.Lines.Single(l => l.What.StartsWith("model", StringComparison.Ordinal)).Bytes, "the model costs at least its constants");
        Assert.AreEqual(fit.PeakBytes - fit.AvailableBytes, fit.ShortBy);

        // The CNN fits the F746ZG beside the board app; the F091RC's few KB do not even hold nanoCLR's share.
        var cnn = ConvertedFixtures.Get("flux_cnn1d").Model;
        Assert.IsNotNull(new MemoryBudget(null, BoardTarget.NucleoF746zg).CreateInterpreter(cnn));
        StringAssert.Contains(Assert.ThrowsExactly<MemoryBudgetException>(() => new MemoryBudget(null, BoardTarget.Find("NUCLEO-F091RC")).CreateInterpreter(cnn)).Message, "nucleo-f091rc");
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
        Assert.ThrowsExactly<Edge.Common.SettingException>(() => BoardTarget.Find("arduino-uno"));
    }
}
