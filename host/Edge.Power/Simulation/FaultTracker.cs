namespace Edge.Power.Simulation;

/// <summary>The faults still to fire on one connection (each fires once).</summary>
internal sealed class FaultTracker(SimulatorFaults faults, int seed)
{
    private readonly Random random = new(seed);
    private bool garbageDone;
    private bool dropDone;
    private bool overcurrentDone;
    private bool overflowDone;
    private int unanswered;

    public bool StaleStreamOnConnect => faults.StaleStreamOnConnect;

    public bool ResidueOnConnect => faults.ResidueOnConnect;

    public byte[]? GarbageDue(double seconds)
    {
        if (garbageDone || faults.GarbageAtSeconds is not { } at || seconds < at) return null;
        garbageDone = true;
        var bytes = new byte[faults.GarbageBytes];
        random.NextBytes(bytes);
        return bytes;
    }

    public bool DropDue(double seconds)
    {
        if (dropDone || faults.DropAtSeconds is not { } at || seconds < at) return false;
        dropDone = true;
        return true;
    }

    public bool OvercurrentDue(double seconds)
    {
        if (overcurrentDone || faults.OvercurrentAtSeconds is not { } at || seconds < at) return false;
        overcurrentDone = true;
        return true;
    }

    public bool OverflowDue(double seconds)
    {
        if (overflowDone || faults.OverflowAtSeconds is not { } at || seconds < at) return false;
        overflowDone = true;
        return true;
    }

    /// <summary>Whether to swallow this command without a word.</summary>
    public bool Ignore(string verb)
    {
        if (faults.NoAnswerTo is not { } target) return false;
        if (target != "*" && !string.Equals(target, verb, StringComparison.OrdinalIgnoreCase)) return false;
        if (faults.NoAnswerTimes > 0 && unanswered >= faults.NoAnswerTimes) return false;
        unanswered++;
        return true;
    }
}
