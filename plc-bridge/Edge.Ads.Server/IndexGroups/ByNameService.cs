using Edge.Ads.Protocol;
using Edge.Ads.Server.Symbols;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>Base of the services whose write data is a name (<c>name\0</c>): resolves it or answers 0x710.</summary>
internal abstract class ByNameService(AdsSymbolTable symbols) : IndexGroupService
{
    protected AdsSymbolTable Symbols { get; } = symbols;

    protected AdsErrorCode Resolve(ReadOnlyMemory<byte> writeData, out ResolvedSymbol resolved)
    {
        resolved = null!;
        if (writeData.Length > AdsSymbolTable.MaxNameLength + 1)
            return AdsErrorCode.DeviceSymbolNotFound;
        return Symbols.TryResolve(AdsString.ReadName(writeData.Span), out resolved)
            ? AdsErrorCode.NoError
            : AdsErrorCode.DeviceSymbolNotFound;
    }
}
