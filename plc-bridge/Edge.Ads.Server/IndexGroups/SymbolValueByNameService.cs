using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Sessions;
using Edge.Ads.Server.Symbols;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>0xF004: write a name, read its value (ads-client readRawByPath).</summary>
internal sealed class SymbolValueByNameService(AdsSymbolTable symbols) : ByNameService(symbols)
{
    public override AdsErrorCode ReadWrite(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint readLength, ReadOnlyMemory<byte> writeData, AdsBufferWriter output)
    {
        var error = Resolve(writeData, out var resolved);
        if (error != AdsErrorCode.NoError)
            return error;
        if (readLength < (uint)resolved.Type.Size)
            return AdsErrorCode.DeviceInvalidSize;
        return Symbols.ReadMemory(resolved.IndexGroup, resolved.IndexOffset, (uint)resolved.Type.Size, output);
    }
}
