using Edge.Ads.Ams;
using Edge.Ads.Client;
using Edge.Ads.Protocol;
using Edge.Ads.Tests.Support;

namespace Edge.Ads.Tests.Server;

/// <summary>ReadDeviceInfo, ReadState, WriteControl, the device-data group and the system-service port.</summary>
[TestClass]
public sealed class DeviceServiceTests
{
    [TestMethod]
    public async Task DeviceInfoIsTheConfiguredOne()
    {
        await using var server = await TestServer.StartAsync(o => o.DeviceInfo = new(2, 7, 300, "Bridge-7"));
        await using var client = await server.ConnectAsync();
        var info = await client.ReadDeviceInfoAsync();
        Assert.AreEqual(AdsErrorCode.NoError, info.ErrorCode);
        Assert.AreEqual(new Messages.AdsDeviceInfo(2, 7, 300, "Bridge-7"), info.Info);
    }

    [TestMethod]
    public async Task TheApplicationSetsTheStateAndTheSystemServiceStaysInRun()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        Assert.AreEqual(AdsState.Run, (await client.ReadStateAsync()).AdsState);
        server.Server.SetState(AdsState.Stop, 3);
        var state = await client.ReadStateAsync();
        Assert.AreEqual((AdsState.Stop, (ushort)3), (state.AdsState, state.DeviceState));
        Assert.AreEqual(AdsState.Run, (await client.ReadStateAsync(AmsPort.SystemService)).AdsState, "the TwinCAT system runs while a PLC stops");
    }

    [TestMethod]
    public async Task DeviceDataGroupHoldsBothStates()
    {
        await using var server = await TestServer.StartAsync();
        server.Server.SetState(AdsState.Stop, 0x0102);
        await using var client = await server.ConnectAsync();
        CollectionAssert.AreEqual(new byte[] { 6, 0, 2, 1 }, (await client.ReadAsync(AdsIndexGroup.DeviceData, 0, 4)).Data);
        CollectionAssert.AreEqual(new byte[] { 2, 1 }, (await client.ReadAsync(AdsIndexGroup.DeviceData, 2, 2)).Data);
        Assert.AreEqual(AdsErrorCode.DeviceInvalidOffset, (await client.ReadAsync(AdsIndexGroup.DeviceData, 4, 1)).ErrorCode);
        Assert.AreEqual(AdsErrorCode.DeviceInvalidSize, (await client.ReadAsync(AdsIndexGroup.DeviceData, 2, 4)).ErrorCode);
    }

    [TestMethod]
    public async Task WriteControlIsDeniedUnlessEnabled()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        Assert.AreEqual(AdsErrorCode.DeviceAccessDenied, await client.WriteControlAsync(AdsState.Stop, 0));
        Assert.AreEqual(AdsState.Run, server.Server.State);
    }

    [TestMethod]
    public async Task WriteControlStopsAndStartsWhenEnabled()
    {
        await using var server = await TestServer.StartAsync(o => o.AllowWriteControl = true);
        await using var client = await server.ConnectAsync();
        Assert.AreEqual(AdsErrorCode.NoError, await client.WriteControlAsync(AdsState.Stop, 9));
        Assert.AreEqual((AdsState.Stop, (ushort)9), (server.Server.State, server.Server.DeviceState));
        Assert.AreEqual(AdsErrorCode.NoError, await client.WriteControlAsync(AdsState.Run, 0));
        Assert.AreEqual(AdsState.Run, (await client.ReadStateAsync()).AdsState);
        Assert.AreEqual(AdsErrorCode.DeviceInvalidParameter, await client.WriteControlAsync(AdsState.Config, 0));
    }

    [TestMethod]
    public async Task TheSystemServiceRefusesTheExtendedStateSoClientsFallBack()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var read = await client.ReadAsync(AdsIndexGroup.SystemExtendedState, 0, 16, AmsPort.SystemService);
        Assert.AreEqual(AdsErrorCode.DeviceServiceNotSupported, read.ErrorCode, "ads-client then reads plain ReadState");
        Assert.AreEqual("Edge ADS", (await client.ReadDeviceInfoAsync(AmsPort.SystemService)).Info!.Name);
    }
}
