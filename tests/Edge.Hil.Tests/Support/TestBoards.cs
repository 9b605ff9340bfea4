using Edge.Board.Simulation;
using Edge.Hil.Rigs;
using Edge.Power.Samples;
using Edge.Power.Backends;

namespace Edge.Hil.Tests.Support;

/// <summary>Rig positions built in code (what the rig loader would make of a rig file), for tests that need no file.</summary>
public static class TestBoards
{
    public static RigBoard Simulated(string name = "sim", BoardProfile? profile = null, RigBudgets? budgets = null, RigSimulation? simulation = null,
        double supplyVolts = 3.3)
    {
        var p = profile ?? BoardProfile.NucleoF746zg;
        return new RigBoard(name, BoardKind.Simulated, p.Target, p, null, 115200, null, supplyVolts,
            new RigMonitor(MonitorKind.Simulated, null, SampleFormat.Binary), new RigTrigger(TriggerSource.Software, null),
            budgets ?? new RigBudgets(null, null, null), new Dictionary<string, FirmwareImage>(), simulation ?? RigSimulation.None);
    }

    public static RigBoard Nucleo(string name = "f746-1", string target = "ST_NUCLEO144_F746ZG", RigBudgets? budgets = null) =>
        new(name, BoardKind.Nucleo, target, null, "/dev/ttyUSB0", 115200, "/dev/ttyACM0", 3.3,
            new RigMonitor(MonitorKind.StlinkV3Pwr, "/dev/ttyACM1", SampleFormat.Binary), new RigTrigger(TriggerSource.Hardware, 85),
            budgets ?? new RigBudgets(null, null, null), new Dictionary<string, FirmwareImage>(), RigSimulation.None);
}
