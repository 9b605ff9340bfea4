using Edge.Ads.Client;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Tests.Support;

namespace Edge.Ads.Tests.Server;

/// <summary>
/// Every request gets an answer, and the answer names what was wrong with the ADS code TwinCAT
/// uses (ads-protocol.md §1.5). Data: Board1 @0x4040:0 and Board2 @88 (88 bytes each), then
/// GVL.Temperatures @176 (8 bytes): the group holds 184 bytes; only the AlarmAck members are writable.
/// </summary>
[TestClass]
public sealed class ErrorCodeTests
{
    private static TestServer _server = null!;
    private static AdsTcpClient _client = null!;

    [ClassInitialize]
    public static async Task Start(TestContext _)
    {
        _server = await TestServer.StartAsync(o => o.MaxSumCommands = 500);
        _client = await _server.ConnectAsync();
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    [TestMethod]
    [DataRow(0x1234u, 0u, 4u, AdsErrorCode.DeviceInvalidGroup, DisplayName = "data group without symbols")]
    [DataRow(0xF0F0u, 0u, 4u, AdsErrorCode.DeviceInvalidGroup, DisplayName = "reserved group nobody serves")]
    [DataRow(0x4040u, 10_000u, 4u, AdsErrorCode.DeviceInvalidOffset, DisplayName = "offset past the group")]
    [DataRow(0x4040u, 180u, 8u, AdsErrorCode.DeviceInvalidSize, DisplayName = "range running past the group")]
    [DataRow(0x4040u, 0u, 0xFFFF_FFFFu, AdsErrorCode.DeviceInvalidSize, DisplayName = "4 GB from a 184-byte group")]
    [DataRow(0xF008u, 1u, 1u, AdsErrorCode.DeviceInvalidOffset, DisplayName = "symbol version at offset 1")]
    [DataRow(0xF008u, 0u, 0u, AdsErrorCode.DeviceInvalidSize, DisplayName = "symbol version into 0 bytes")]
    [DataRow(0xF00Bu, 1u, 4096u, AdsErrorCode.DeviceInvalidOffset, DisplayName = "symbol upload at offset 1")]
    [DataRow(0xF00Bu, 0u, 3u, AdsErrorCode.DeviceInvalidSize, DisplayName = "symbol upload into 3 bytes")]
    [DataRow(0xF00Cu, 0u, 4u, AdsErrorCode.DeviceInvalidSize, DisplayName = "upload info into 4 bytes")]
    [DataRow(0xF00Fu, 0u, 10u, AdsErrorCode.DeviceInvalidSize, DisplayName = "upload info 2 into 10 bytes")]
    [DataRow(0xF005u, 999u, 4u, AdsErrorCode.DeviceSymbolNotFound, DisplayName = "value of an unknown handle")]
    [DataRow(0xF003u, 0u, 4u, AdsErrorCode.DeviceServiceNotSupported, DisplayName = "handle by name is read-write only")]
    public async Task Reads(uint group, uint offset, uint length, AdsErrorCode expected) =>
        Assert.AreEqual(expected, (await _client.ReadAsync(group, offset, length)).ErrorCode);

    [TestMethod]
    [DataRow(0x4040u, 12u, "01", AdsErrorCode.DeviceAccessDenied, DisplayName = "read-only member (Board1.Metrics.Alarm)")]
    [DataRow(0x4040u, 12u, "0101", AdsErrorCode.DeviceAccessDenied, DisplayName = "spanning read-only and writable")]
    [DataRow(0x4040u, 0u, "00000000", AdsErrorCode.DeviceAccessDenied, DisplayName = "read-only symbol")]
    [DataRow(0x1234u, 0u, "01", AdsErrorCode.DeviceInvalidGroup, DisplayName = "unknown group")]
    [DataRow(0x4040u, 500u, "01", AdsErrorCode.DeviceInvalidOffset, DisplayName = "past the group")]
    [DataRow(0x4040u, 183u, "0101", AdsErrorCode.DeviceInvalidSize, DisplayName = "running past the group")]
    [DataRow(0xF006u, 0u, "E7030000", AdsErrorCode.DeviceSymbolVersionInvalid, DisplayName = "release an unknown handle")]
    [DataRow(0xF006u, 0u, "010000", AdsErrorCode.DeviceInvalidSize, DisplayName = "release with 3 bytes")]
    [DataRow(0xF005u, 999u, "01", AdsErrorCode.DeviceSymbolNotFound, DisplayName = "write an unknown handle")]
    [DataRow(0xF008u, 0u, "07", AdsErrorCode.DeviceServiceNotSupported, DisplayName = "write the symbol version")]
    public async Task Writes(uint group, uint offset, string hex, AdsErrorCode expected) =>
        Assert.AreEqual(expected, await _client.WriteAsync(group, offset, Hex.Parse(hex)));

    [TestMethod]
    [DataRow(0xF009u, 0xFFFF_FFFFu, "Board1.Nope", AdsErrorCode.DeviceSymbolNotFound, DisplayName = "symbol info: unknown member")]
    [DataRow(0xF009u, 0xFFFF_FFFFu, "Board1.Metrics.FeatureDrift[8]", AdsErrorCode.DeviceSymbolNotFound, DisplayName = "symbol info: index out of bounds")]
    [DataRow(0xF009u, 10u, "Board1", AdsErrorCode.DeviceInvalidSize, DisplayName = "symbol info into 10 bytes")]
    [DataRow(0xF011u, 0xFFFF_FFFFu, "ST_Unknown", AdsErrorCode.DeviceSymbolNotFound, DisplayName = "unknown data type")]
    [DataRow(0xF011u, 8u, "ST_Board", AdsErrorCode.DeviceInvalidSize, DisplayName = "data type into 8 bytes")]
    [DataRow(0xF003u, 0xFFFF_FFFFu, "Board3", AdsErrorCode.DeviceSymbolNotFound, DisplayName = "handle for an unknown name")]
    [DataRow(0xF003u, 2u, "Board1", AdsErrorCode.DeviceInvalidSize, DisplayName = "handle into 2 bytes")]
    [DataRow(0xF004u, 0xFFFF_FFFFu, "", AdsErrorCode.DeviceSymbolNotFound, DisplayName = "value of an empty name")]
    [DataRow(0xF004u, 1u, "Board1", AdsErrorCode.DeviceInvalidSize, DisplayName = "value of an 88-byte symbol into 1 byte")]
    [DataRow(0xF007u, 11u, "Board1", AdsErrorCode.DeviceInvalidSize, DisplayName = "symbol address into 11 bytes")]
    [DataRow(0x4040u, 4u, "Board1", AdsErrorCode.DeviceServiceNotSupported, DisplayName = "read-write on a data group")]
    public async Task ReadWritesByName(uint group, uint readLength, string name, AdsErrorCode expected)
    {
        var result = await _client.ReadWriteAsync(group, 0, readLength, Payloads.Name(name));
        Assert.AreEqual(expected, result.ErrorCode);
    }

    [TestMethod]
    public async Task AnOverlongNameIsNotFoundWithoutBeingParsed()
    {
        var name = string.Concat(Enumerable.Repeat("Board1.", 500)) + "Id";
        Assert.AreEqual(AdsErrorCode.DeviceSymbolNotFound, (await _client.ReadWriteAsync(0xF009, 0, uint.MaxValue, Payloads.Name(name))).ErrorCode);
    }

    [TestMethod]
    [DataRow(0u, 0, AdsErrorCode.DeviceInvalidParameter, DisplayName = "no sub-commands")]
    [DataRow(501u, 501, AdsErrorCode.DeviceInvalidParameter, DisplayName = "more than 500 sub-commands")]
    [DataRow(2u, 1, AdsErrorCode.DeviceInvalidSize, DisplayName = "two announced, one present")]
    [DataRow(1u, 2, AdsErrorCode.DeviceInvalidSize, DisplayName = "one announced, two present")]
    public async Task SumReadChecksItsCount(uint count, int records, AdsErrorCode expected)
    {
        var data = Enumerable.Range(0, records).SelectMany(_ => Payloads.U32(0x4040, 0, 4)).ToArray();
        Assert.AreEqual(expected, (await _client.ReadWriteAsync(AdsIndexGroup.SumRead, count, 1_000_000, data)).ErrorCode);
    }

    [TestMethod]
    public async Task SumReadNeedsRoomForAllResults() =>
        Assert.AreEqual(AdsErrorCode.DeviceInvalidSize,
            (await _client.ReadWriteAsync(AdsIndexGroup.SumRead, 1, 7, Payloads.U32(0x4040, 0, 4))).ErrorCode, "4 result + 4 data bytes do not fit 7");

    [TestMethod]
    [DataRow(AdsTransMode.CyclicInContext, 0x4040u, 0u, 4u, AdsErrorCode.DeviceTransModeNotSupported, DisplayName = "trans mode 5")]
    [DataRow(AdsTransMode.ClientCycle, 0x4040u, 0u, 4u, AdsErrorCode.DeviceTransModeNotSupported, DisplayName = "trans mode 1 (client side)")]
    [DataRow(AdsTransMode.OnChange, 0x1234u, 0u, 4u, AdsErrorCode.DeviceInvalidGroup, DisplayName = "unknown group")]
    [DataRow(AdsTransMode.OnChange, 0x4040u, 180u, 8u, AdsErrorCode.DeviceInvalidSize, DisplayName = "past the group")]
    [DataRow(AdsTransMode.OnChange, 0x4040u, 0u, 0u, AdsErrorCode.DeviceInvalidSize, DisplayName = "zero bytes")]
    [DataRow(AdsTransMode.Cyclic, 0xF005u, 12345u, 4u, AdsErrorCode.DeviceSymbolNotFound, DisplayName = "unknown handle")]
    public async Task AddNotification(AdsTransMode mode, uint group, uint offset, uint length, AdsErrorCode expected)
    {
        var result = await _client.AddNotificationAsync(new AdsAddNotificationRequest(group, offset, length, mode, 0, 100_000));
        Assert.AreEqual(expected, result.ErrorCode);
    }

    [TestMethod]
    public async Task DeleteAnUnknownNotification() =>
        Assert.AreEqual(AdsErrorCode.DeviceNotificationHandleInvalid, await _client.DeleteNotificationAsync(4242));

    [TestMethod]
    public async Task TheConnectionSurvivesEveryErrorAbove()
    {
        await Reads(0x1234, 0, 4, AdsErrorCode.DeviceInvalidGroup);
        Assert.AreEqual(AdsState.Run, (await _client.ReadStateAsync()).AdsState);
    }
}
