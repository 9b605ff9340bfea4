using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Sessions;
using Edge.Ads.Server.Symbols;
using Edge.Ads.Symbols;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>
/// 0xF009: write a name, read its AdsSymbolEntry. Works for members and elements too
/// (<c>Board1.FeatureDrift[3]</c>): the entry then carries that path, its type and its address.
/// </summary>
internal sealed class SymbolEntryByNameService(AdsSymbolTable symbols) : ByNameService(symbols)
{
    public override AdsErrorCode ReadWrite(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint readLength, ReadOnlyMemory<byte> writeData, AdsBufferWriter output)
    {
        var error = Resolve(writeData, out var resolved);
        if (error != AdsErrorCode.NoError)
            return error;
        int start = output.Position;
        AdsSymbolEntryCodec.Write(output, Symbols.EntryFor(resolved));
        return Fits(output, start, readLength);
    }
}
