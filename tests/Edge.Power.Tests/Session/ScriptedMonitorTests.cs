using System.Text;
using Edge.Power.Backends;
using Edge.Power.Samples;
using Edge.Power.Session;

namespace Edge.Power.Tests.Session;

/// <summary>The driver against hand-written V3PWR replies: blocks closed by an empty line, binary samples, no F4 after stop.</summary>
[TestClass]
public sealed class ScriptedMonitorTests
{
    public TestContext TestContext { get; set; } = null!;

    private static byte[] Block(string line) => Encoding.ASCII.GetBytes(line + "\r\n\r\n");

    [TestMethod]
    public async Task Follows_ST_s_V3PWR_sequence_and_takes_silence_after_stop_as_the_end()
    {
        // 0x52A0 = 640.9 µA (documented), 0x3666 ≈ 25 mA; a stream opening with an F3 timestamp frame.
        byte[] samples = [0xF0, 0xF3, 0, 0, 0, 0, 0, 0xFF, 0xFF, .. Enumerable.Repeat(new byte[] { 0x52, 0xA0, 0x36, 0x66 }, 500).SelectMany(b => b)];
        var replies = new Dictionary<string, byte[]>
        {
            ["power_monitor"] = Block("ack power_monitor"),
            ["powershield"] = Block("ack STLINK-V3PWR 0037002A3133510537363734"),
            ["version"] = Block("ack version 3.1.2"),
            ["volt 3300m"] = Block("ack volt 3300m"),
            ["format bin_hexa"] = Block("ack format bin_hexa"),
            ["acqtime inf"] = Block("ack acqtime inf"),
            ["freq 100k"] = Block("ack freq 100k"),
            ["trigsrc sw"] = Block("ack trigsrc sw"),
            ["trigdelay 0m"] = Block("ack trigdelay 0m"),
            ["start"] = [.. Block("ack start"), .. samples],
            // `stop`: silence, neither F4 nor ack (what the real V3PWR does here is not documented).
        };
        await using var peer = new ScriptedMonitor(replies);
        await using var monitor = await PowerMonitor.OpenAsync(peer.Address, SimulatedBench.Driver(PowerMonitorModel.StlinkV3Pwr), TestContext.CancellationToken);
        Assert.AreEqual("0037002A3133510537363734", monitor.Identity.BoardId);
        Assert.AreEqual("3.1.2", monitor.Identity.FirmwareVersion);
        await monitor.ConfigureAsync(new AcquisitionSettings { Duration = null }, TestContext.CancellationToken);
        var sink = new RecordingSink();

        var run = await monitor.StartAcquisitionAsync(sink, TestContext.CancellationToken);
        Assert.IsTrue(await run.SamplesAsync(1000, TestContext.CancellationToken), "the samples arrive before the acquisition ends");
        var summary = await run.StopAsync(TestContext.CancellationToken);

        Assert.AreEqual(AcquisitionEnd.SilenceAfterStop, summary.End);
        Assert.AreEqual(1000, sink.Samples.Count);
        Assert.AreEqual(0, summary.Statistics.CorruptBytes);
        Assert.AreEqual(640.9e-6, sink.Samples[0].Amperes, 0.05e-6);
        CollectionAssert.AreEqual(
            new[] { "power_monitor", "powershield", "version", "volt 3300m", "format bin_hexa", "acqtime inf", "freq 100k", "trigsrc sw", "trigdelay 0m", "start", "stop" },
            peer.Received.ToArray());
    }

    [TestMethod]
    public async Task Rejected_opening_command_says_which_monitor_was_expected()
    {
        var replies = new Dictionary<string, byte[]>
        {
            ["power_monitor"] = Encoding.ASCII.GetBytes("PowerShield > error power_monitor\r\nPowerShield > Error detail: command unknown\r\n"),
        };
        await using var peer = new ScriptedMonitor(replies);
        var error = await Assert.ThrowsAsync<Edge.Power.Errors.PowerMonitorException>(
            () => PowerMonitor.OpenAsync(peer.Address, SimulatedBench.Driver(PowerMonitorModel.StlinkV3Pwr), TestContext.CancellationToken));
        StringAssert.Contains(error.Message, "rejected 'power_monitor': command unknown");
        StringAssert.Contains(error.Message, "STLINK-V3PWR");
    }
}
