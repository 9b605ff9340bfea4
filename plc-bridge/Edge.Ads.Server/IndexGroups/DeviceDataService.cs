using System.Buffers.Binary;
using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Devices;
using Edge.Ads.Server.Sessions;
using Edge.Ads.Server.Symbols;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>0xF100: four bytes, <c>u16 adsState</c> at offset 0 and <c>u16 deviceState</c> at offset 2.</summary>
internal sealed class DeviceDataService(DeviceStatus status) : IndexGroupService
{
    private const uint Size = 4;

    public override AdsErrorCode Read(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint length, AdsBufferWriter output)
    {
        if (indexOffset >= Size)
            return AdsErrorCode.DeviceInvalidOffset;
        if ((ulong)indexOffset + length > Size)
            return AdsErrorCode.DeviceInvalidSize;
        Span<byte> data = stackalloc byte[(int)Size];
        BinaryPrimitives.WriteUInt32LittleEndian(data, status.Packed);
        output.Write(data.Slice((int)indexOffset, (int)length));
        return AdsErrorCode.NoError;
    }

    public override AdsRange? Watch(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint length) =>
        new AdsRange(indexGroup, indexOffset, length);
}
