using Edge.Hil.Rigs;
using Edge.PlcBridge.Configuration;
using Edge.Power.Simulation;

namespace Edge.Cli.Tests;

/// <summary>
/// One duration syntax everywhere a duration is written: command-line options, rig files, the
/// bridge configuration and the power simulator's fault list read every spelling alike (same
/// value, or all refuse it). Before, `10m` was ten minutes in a rig file and ten seconds in a
/// fault list, and a bare `2` meant seconds in three places and an error in the fourth.
/// </summary>
[TestClass]
public sealed class DurationSyntaxTests
{
    private static readonly string[] Spellings = ["500ms", "2s", "1.5s", "90s", "5m", "1h", "250ms", "2", "-1s", "5min", "1,5s", "soon", "2 s", "1e3s", "0.5"];

    /// <summary>What each surface reads; null when it refuses.</summary>
    private static readonly (string Surface, Func<string, TimeSpan?> Read)[] Surfaces =
    [
        ("edge board sim --for", text => Cli(["board", "sim", "--for", text], "--for")),
        ("edge pwr sim --for", text => Cli(["pwr", "sim", "--for", text], "--for")),
        ("edge pwr measure --time", text => Cli(["pwr", "measure", "-p", "x", "--time", text], "--time")),
        ("edge hil run --cell-timeout", text => Cli(["hil", "run", "-r", "x", "-m", "y", "-d", "z", "-o", "w", "--cell-timeout", text], "--cell-timeout")),
        ("rig measurement.cell-timeout", text => Try(() => RigLoader.Parse($"rig: x\nmeasurement: {{ cell-timeout: '{text}' }}\nboards:\n  - name: a\n    kind: simulated\n    profile: nucleo-f746zg\n", "r.yaml").Measurement.CellTimeout)),
        ("rig measurement.settle", text => Try(() => RigLoader.Parse($"rig: x\nmeasurement: {{ settle: '{text}' }}\nboards:\n  - name: a\n    kind: simulated\n    profile: nucleo-f746zg\n", "r.yaml").Measurement.Settle)),
        ("bridge boards[0].stale-after", text => Try(() => BridgeConfigLoader.Parse($"boards:\n  - name: A\n    address: tcp://127.0.0.1:4711\n    stale-after: '{text}'\n", "b.yaml").Boards[0].StaleAfter)),
        ("pwr sim --faults drop@", text => Try(() => TimeSpan.FromSeconds(SimulatorFaults.Parse("drop@" + text).DropAtSeconds!.Value))),
    ];

    private static TimeSpan? Cli(string[] args, string option)
    {
        var parse = EdgeCli.Build().Parse(args);
        if (parse.Errors.Any(e => e.Message.Contains(option, StringComparison.Ordinal))) return null;
        return parse.GetValue<TimeSpan?>(option);
    }

    private static TimeSpan? Try(Func<TimeSpan> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is RigException or BridgeConfigException or ArgumentException)
        {
            return null;
        }
    }

    [TestMethod]
    public void EverySurfaceReadsEverySpellingAlike()
    {
        var problems = new List<string>();
        foreach (string text in Spellings)
        {
            var read = Surfaces.Select(s => (s.Surface, Value: s.Read(text))).ToList();
            if (read.Select(r => r.Value).Distinct().Count() > 1)
                problems.Add($"'{text}': " + string.Join(", ", read.Select(r => $"{r.Surface} = {(r.Value is { } v ? v.ToString() : "refused")}")));
        }
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        Assert.AreEqual(TimeSpan.FromMinutes(5), Surfaces[0].Read("5m"), "m is minutes");
        Assert.IsNull(Surfaces[0].Read("2"), "a bare number is refused");
    }
}
