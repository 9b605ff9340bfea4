using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Sessions;
using Edge.Ads.Server.Symbols;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>
/// 0xF00B (all symbol entries) and 0xF00E (all data-type entries): read at offset 0 with at least
/// the size the upload info announced.
/// </summary>
internal sealed class UploadService(AdsSymbolTable symbols, Func<SymbolUploads, byte[]> select) : IndexGroupService
{
    public override AdsErrorCode Read(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint length, AdsBufferWriter output) =>
        indexOffset != 0
            ? AdsErrorCode.DeviceInvalidOffset
            : WriteIfFits(select(symbols.Uploads), length, output);
}
