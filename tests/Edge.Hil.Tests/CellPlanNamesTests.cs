using Edge.Hil.Plan;

namespace Edge.Hil.Tests;

/// <summary>The phase names rig files and messages use, and which statuses count as done (README "Unattended").</summary>
[TestClass]
public sealed class CellPlanNamesTests
{
    private static readonly (CellPhase Phase, string Name)[] Expected =
    [
        (CellPhase.Deploy, "deploy"), (CellPhase.Connect, "connect"), (CellPhase.Upload, "upload"), (CellPhase.PowerCycle, "power-cycle"),
        (CellPhase.Measure, "measure"), (CellPhase.Accuracy, "accuracy"), (CellPhase.Record, "record"),
    ];

    [TestMethod]
    public void EveryPhaseHasItsKebabCaseNameBothWays()
    {
        Assert.HasCount(Enum.GetValues<CellPhase>().Length, Expected, "every phase is listed");
        foreach (var (phase, name) in Expected)
        {
            Assert.AreEqual(name, CellPhases.Name(phase));
            Assert.IsTrue(CellPhases.TryParse(name, out var parsed), name);
            Assert.AreEqual(phase, parsed);
        }
        Assert.AreEqual("deploy, connect, upload, power-cycle, measure, accuracy, record", CellPhases.All);
    }

    [TestMethod]
    public void OtherSpellingsAreNotPhases()
    {
        foreach (string text in new[] { "Deploy", "power_cycle", "powercycle", "", " measure", "record " })
        {
            // a value other than the default first, so a parse that fails must reset it
            var phase = CellPhase.Record;
            Assert.IsFalse(CellPhases.TryParse(text, out phase), $"'{text}'");
            Assert.AreEqual(default, phase);
        }
    }

    [TestMethod]
    public void MeasuredAndMisfitCellsAreCompleteFailedOnesAreNot()
    {
        Assert.IsTrue(CellStatus.IsComplete("ok"));
        Assert.IsTrue(CellStatus.IsComplete("does-not-fit"));
        Assert.IsFalse(CellStatus.IsComplete("failed"));
        Assert.IsFalse(CellStatus.IsComplete(""));
        Assert.IsFalse(CellStatus.IsComplete("OK"));
        Assert.AreEqual(("ok", "does-not-fit", "failed"), (CellStatus.Ok, CellStatus.DoesNotFit, CellStatus.Failed));
    }

    [TestMethod]
    public void APhaseOutsideTheListHasNoNameRatherThanAnEmptyOne()
    {
        Assert.ThrowsExactly<InvalidOperationException>(() => CellPhases.Name((CellPhase)99));
    }
}
