using Edge.Ads.Client;
using Edge.Ads.Protocol;
using Edge.PlcBridge.Tests.Support;

namespace Edge.PlcBridge.Tests.Service;

/// <summary>
/// The PLC acknowledges a drift alarm by writing TRUE to <c>Board.AlarmAck</c> (ADSWRITE into the
/// memory map). Only enabled acknowledges are writable; the bridge forwards each one to the board
/// once and resets the member. Every other write answers 0x723 access denied.
/// </summary>
[TestClass]
public sealed class AcknowledgeTests
{
    private static readonly byte[] True = [1];

    [TestMethod]
    public async Task AnEnabledAcknowledgeReachesTheBoardOnceAndIsReset()
    {
        await using var bridge = await TestBridge.StartAsync();
        await using var plc = await PlcView.ConnectAsync(bridge);
        var loom = bridge.Feeds["Loom3"];
        loom.Push(Snapshots.Random("Loom3", seed: 1, features: 4) with { DriftAlarm = true });
        await plc.ReadUntilAsync("Loom3", b => (bool)b["DriftAlarm"], "alarmed");

        Assert.AreEqual(AdsErrorCode.NoError, await plc.Client.WriteAsync(0x4040, plc.OffsetOf("Loom3", "AlarmAck"), True));
        bridge.StepOneCheck();
        await Eventually.TrueAsync(() => loom.Acknowledges == 1, "the board got the acknowledge");
        await plc.ReadUntilAsync("Loom3", b => !(bool)b["AlarmAck"], "AlarmAck reset by the bridge");

        Assert.AreEqual(AdsErrorCode.NoError, await plc.Client.WriteAsync(0x4040, plc.OffsetOf("Loom3", "AlarmAck"), True));
        bridge.StepOneCheck();
        await Eventually.TrueAsync(() => loom.Acknowledges == 2, "a second acknowledge is forwarded too");
        Assert.AreEqual(AdsErrorCode.NoError, await plc.Client.WriteAsync(0x4040, plc.OffsetOf("Loom3", "AlarmAck"), new byte[] { 0 }), "writing FALSE is allowed");
        await plc.ReadUntilAsync("Loom3", b => !(bool)b["AlarmAck"], "AlarmAck reset");
        Assert.AreEqual(2, loom.Acknowledges, "FALSE is not an acknowledge");
    }

    [TestMethod]
    public async Task EveryOtherWriteIsDenied()
    {
        await using var bridge = await TestBridge.StartAsync();
        await using var plc = await PlcView.ConnectAsync(bridge);

        Assert.AreEqual(AdsErrorCode.DeviceAccessDenied, await plc.Client.WriteAsync(0x4040, plc.OffsetOf("Pump1", "AlarmAck"), True), "Pump1's acknowledge is not enabled");
        Assert.AreEqual(AdsErrorCode.DeviceAccessDenied, await plc.Client.WriteAsync(0x4040, plc.OffsetOf("Loom3", "DriftAlarm"), True), "telemetry");
        Assert.AreEqual(AdsErrorCode.DeviceAccessDenied, await plc.Client.WriteAsync(0x4040, plc.OffsetOf("Loom3", "AlarmAck"), new byte[] { 1, 0 }), "runs past the writable byte");
        Assert.AreEqual(AdsErrorCode.DeviceInvalidData, await plc.Client.WriteAsync(0x4040, plc.OffsetOf("Loom3", "AlarmAck"), new byte[] { 2 }), "a BOOL is 0 or 1");
        Assert.AreEqual(AdsErrorCode.DeviceAccessDenied, await plc.Client.WriteControlAsync(AdsState.Stop, 0), "the ADS state is not the PLC's to change");
        // Absence by state, not by waiting: AlarmAck reads FALSE, and then no acknowledge was ever
        // taken (the bridge resets AlarmAck and counts in one step), so none was written.
        foreach (var board in new[] { "Loom3", "Pump1" })
        {
            var image = await plc.ReadAsync(board);
            Assert.IsFalse((bool)image["AlarmAck"], board);
            Assert.IsFalse((bool)image["DriftAlarm"], board);
            Assert.AreEqual(0, bridge.Symbols[board].AcknowledgesTaken, board);
        }
        Assert.AreEqual(0, bridge.Feeds["Loom3"].Acknowledges);
        Assert.AreEqual(0, bridge.Feeds["Pump1"].Acknowledges);
    }

    [TestMethod]
    public async Task WithoutWriteEnabledEverythingIsReadOnly()
    {
        await using var bridge = await TestBridge.StartAsync(TestBridge.Yaml(writeEnabled: "[]"));
        await using var plc = await PlcView.ConnectAsync(bridge);

        Assert.AreEqual(AdsErrorCode.DeviceAccessDenied, await plc.Client.WriteAsync(0x4040, plc.OffsetOf("Loom3", "AlarmAck"), True));
    }

    [TestMethod]
    public async Task AnAcknowledgeTheBoardDoesNotTakeShowsInLastError()
    {
        await using var bridge = await TestBridge.StartAsync();
        await using var plc = await PlcView.ConnectAsync(bridge);
        var loom = bridge.Feeds["Loom3"];
        loom.AcknowledgeFailure = new TimeoutException("the board did not answer 'acknowledge'");
        loom.Push(Snapshots.Random("Loom3", seed: 1, features: 4) with { DriftAlarm = true });
        await plc.ReadUntilAsync("Loom3", b => (bool)b["Online"], "online");

        Assert.AreEqual(AdsErrorCode.NoError, await plc.Client.WriteAsync(0x4040, plc.OffsetOf("Loom3", "AlarmAck"), True));
        bridge.StepOneCheck();

        var board = await plc.ReadUntilAsync("Loom3", b => ((string)b["LastError"]).Length > 0, "showing the failure");
        Assert.AreEqual("acknowledge not delivered: the board did not answer 'acknowledge'", board["LastError"]);
        Assert.IsTrue((bool)board["DriftAlarm"], "the alarm stays until the board clears it");
        Assert.IsFalse((bool)board["AlarmAck"]);
    }
}
