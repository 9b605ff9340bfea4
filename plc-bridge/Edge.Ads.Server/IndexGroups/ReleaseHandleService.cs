using System.Buffers.Binary;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Sessions;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>
/// 0xF006: write a u32 handle to release it. An unknown handle answers 0x711, which is what
/// TwinCAT 3 answers (ads-client's "variable handles" test against a real PLC).
/// </summary>
internal sealed class ReleaseHandleService : IndexGroupService
{
    public override AdsErrorCode Write(in AdsRequestContext context, uint indexGroup, uint indexOffset, ReadOnlyMemory<byte> data)
    {
        if (data.Length != 4)
            return AdsErrorCode.DeviceInvalidSize;
        uint handle = BinaryPrimitives.ReadUInt32LittleEndian(data.Span);
        return context.Session.Handles.Remove(handle) ? AdsErrorCode.NoError : AdsErrorCode.DeviceSymbolVersionInvalid;
    }
}
