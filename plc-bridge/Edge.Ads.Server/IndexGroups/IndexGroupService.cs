using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Sessions;
using Edge.Ads.Server.Symbols;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>
/// What Read, Write and ReadWrite do on one index group. A read appends at most
/// <c>length</c> bytes to the output on success; on error the caller drops whatever was appended.
/// Directions a group does not offer answer 0x701 (service not supported).
/// </summary>
internal abstract class IndexGroupService
{
    public virtual AdsErrorCode Read(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint length, AdsBufferWriter output) =>
        AdsErrorCode.DeviceServiceNotSupported;

    public virtual AdsErrorCode Write(in AdsRequestContext context, uint indexGroup, uint indexOffset, ReadOnlyMemory<byte> data) =>
        AdsErrorCode.DeviceServiceNotSupported;

    public virtual AdsErrorCode ReadWrite(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint readLength, ReadOnlyMemory<byte> writeData, AdsBufferWriter output) =>
        AdsErrorCode.DeviceServiceNotSupported;

    /// <summary>
    /// The bytes a notification on this group reads, so changes elsewhere do not wake it; null
    /// means "sample again on any change".
    /// </summary>
    public virtual AdsRange? Watch(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint length) => null;

    /// <summary>Appends <paramref name="data"/> when the client asked for at least that many bytes; 0x705 otherwise.</summary>
    protected static AdsErrorCode WriteIfFits(ReadOnlySpan<byte> data, uint readLength, AdsBufferWriter output)
    {
        if ((uint)data.Length > readLength)
            return AdsErrorCode.DeviceInvalidSize;
        output.Write(data);
        return AdsErrorCode.NoError;
    }

    /// <summary>Checks what an encoder appended since <paramref name="start"/> against the client's read length.</summary>
    protected static AdsErrorCode Fits(AdsBufferWriter output, int start, uint readLength) =>
        (uint)(output.Position - start) <= readLength ? AdsErrorCode.NoError : AdsErrorCode.DeviceInvalidSize;
}
