using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Sessions;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>A group nothing lives in: every access answers 0x702 invalid index group.</summary>
internal sealed class UnknownGroupService : IndexGroupService
{
    public static UnknownGroupService Instance { get; } = new();

    public override AdsErrorCode Read(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint length, AdsBufferWriter output) =>
        AdsErrorCode.DeviceInvalidGroup;

    public override AdsErrorCode Write(in AdsRequestContext context, uint indexGroup, uint indexOffset, ReadOnlyMemory<byte> data) =>
        AdsErrorCode.DeviceInvalidGroup;

    public override AdsErrorCode ReadWrite(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint readLength, ReadOnlyMemory<byte> writeData, AdsBufferWriter output) =>
        AdsErrorCode.DeviceInvalidGroup;
}
