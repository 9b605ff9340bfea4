using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Sessions;
using Edge.Ads.Server.Symbols;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>
/// 0xF005, offset = handle: the value behind a handle, read and written through the memory it
/// names (same access rules). Reads need a length of at least the value's size (ads-client sends
/// 0xFFFFFFFF); writes exactly its size. An unknown handle answers 0x710; a handle whose symbol
/// was removed answers 0x711 (symbol version invalid), as after an online change.
/// </summary>
internal sealed class SymbolValueByHandleService(ProcessImageService memory) : IndexGroupService
{
    public override AdsErrorCode Read(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint length, AdsBufferWriter output)
    {
        var error = Find(context, indexOffset, out var resolved);
        if (error != AdsErrorCode.NoError)
            return error;
        if (length < (uint)resolved.Type.Size)
            return AdsErrorCode.DeviceInvalidSize;
        return memory.Read(context, resolved.IndexGroup, resolved.IndexOffset, (uint)resolved.Type.Size, output);
    }

    public override AdsErrorCode Write(in AdsRequestContext context, uint indexGroup, uint indexOffset, ReadOnlyMemory<byte> data)
    {
        var error = Find(context, indexOffset, out var resolved);
        if (error != AdsErrorCode.NoError)
            return error;
        return data.Length == resolved.Type.Size
            ? memory.Write(context, resolved.IndexGroup, resolved.IndexOffset, data)
            : AdsErrorCode.DeviceInvalidSize;
    }

    public override AdsRange? Watch(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint length) =>
        context.Session.Handles.TryGet(indexOffset, out var resolved) ? resolved.Range : null;

    private static AdsErrorCode Find(in AdsRequestContext context, uint handle, out ResolvedSymbol resolved)
    {
        if (!context.Session.Handles.TryGet(handle, out resolved))
            return AdsErrorCode.DeviceSymbolNotFound;
        return resolved.Root.IsPublished ? AdsErrorCode.NoError : AdsErrorCode.DeviceSymbolVersionInvalid;
    }
}
