using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Sessions;
using Edge.Ads.Server.Symbols;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>
/// Data groups (below 0xF000) holding published symbols: raw reads of any range inside the group,
/// writes only inside paths opened with <see cref="AdsSymbolTable.EnableWrites"/>.
/// </summary>
internal sealed class ProcessImageService(AdsSymbolTable symbols, AdsServerLog log) : IndexGroupService
{
    public override AdsErrorCode Read(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint length, AdsBufferWriter output) =>
        symbols.ReadMemory(indexGroup, indexOffset, length, output);

    public override AdsErrorCode Write(in AdsRequestContext context, uint indexGroup, uint indexOffset, ReadOnlyMemory<byte> data)
    {
        var result = symbols.WriteFromClient(indexGroup, indexOffset, data, context.Sender, out string? path);
        if (result == AdsErrorCode.NoError && path is not null)
            log.ClientWrite(context.Sender, data.Length, path);
        return result;
    }

    public override AdsRange? Watch(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint length) =>
        new AdsRange(indexGroup, indexOffset, length);
}
