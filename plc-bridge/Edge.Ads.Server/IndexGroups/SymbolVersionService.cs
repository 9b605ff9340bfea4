using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Sessions;
using Edge.Ads.Server.Symbols;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>0xF008: the u8 symbol version; clients subscribe to it and drop their caches when it changes.</summary>
internal sealed class SymbolVersionService(AdsSymbolTable symbols) : IndexGroupService
{
    public override AdsErrorCode Read(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint length, AdsBufferWriter output)
    {
        if (indexOffset != 0)
            return AdsErrorCode.DeviceInvalidOffset;
        if (length < 1)
            return AdsErrorCode.DeviceInvalidSize;
        output.WriteByte(symbols.SymbolVersion);
        return AdsErrorCode.NoError;
    }

    public override AdsRange? Watch(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint length) =>
        new AdsRange(indexGroup, 0, 1);
}
