using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Sessions;
using Edge.Ads.Server.Symbols;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>0xF007: write a name, read <c>u32 indexGroup, u32 indexOffset, u32 size</c>.</summary>
internal sealed class SymbolInfoByNameService(AdsSymbolTable symbols) : ByNameService(symbols)
{
    private const int ReplySize = 12;

    public override AdsErrorCode ReadWrite(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint readLength, ReadOnlyMemory<byte> writeData, AdsBufferWriter output)
    {
        if (readLength < ReplySize)
            return AdsErrorCode.DeviceInvalidSize;
        var error = Resolve(writeData, out var resolved);
        if (error != AdsErrorCode.NoError)
            return error;
        output.WriteUInt32(resolved.IndexGroup);
        output.WriteUInt32(resolved.IndexOffset);
        output.WriteUInt32((uint)resolved.Type.Size);
        return AdsErrorCode.NoError;
    }
}
