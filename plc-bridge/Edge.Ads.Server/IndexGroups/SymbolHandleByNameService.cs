using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Sessions;
using Edge.Ads.Server.Symbols;
using Edge.Ads.Symbols;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>
/// 0xF003: a handle for a name. The answer's form follows the read length: the extended reply
/// (handle, size, type) when it fits, as ads-client asks with 0xFFFFFFFF; the plain u32 handle
/// when at least 4 bytes fit, as a PLC's ADSRDWRT with READLEN 4 expects; 0x705 below that.
/// </summary>
internal sealed class SymbolHandleByNameService(AdsSymbolTable symbols) : ByNameService(symbols)
{
    public override AdsErrorCode ReadWrite(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint readLength, ReadOnlyMemory<byte> writeData, AdsBufferWriter output)
    {
        if (readLength < AdsSymbolHandleReply.PlainSize)
            return AdsErrorCode.DeviceInvalidSize;
        var error = Resolve(writeData, out var resolved);
        if (error != AdsErrorCode.NoError)
            return error;
        if (!context.Session.Handles.TryAdd(resolved, out uint handle))
            return context.Session.RefuseByLimit($"it holds {context.Session.Handles.Capacity} handles (max-handles)", AdsErrorCode.DeviceNoMoreHandles);
        var reply = new AdsSymbolHandleReply(handle, (uint)resolved.Type.Size, TypeDecoration: 0, resolved.Type.Name);
        if (readLength >= (uint)reply.ExtendedSize)
            reply.WriteExtended(output);
        else
            output.WriteUInt32(handle);
        return AdsErrorCode.NoError;
    }
}
