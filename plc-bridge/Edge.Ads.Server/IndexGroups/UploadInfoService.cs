using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Sessions;
using Edge.Ads.Server.Symbols;
using Edge.Ads.Symbols;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>
/// 0xF00C (8 bytes) and 0xF00F (64 or 24 bytes): counts and sizes of the uploads. The largest form
/// that fits the read length is answered; ads-client accepts only exactly 8, 24 or 64 bytes.
/// </summary>
internal sealed class UploadInfoService(AdsSymbolTable symbols, bool extended) : IndexGroupService
{
    public override AdsErrorCode Read(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint length, AdsBufferWriter output)
    {
        if (indexOffset != 0)
            return AdsErrorCode.DeviceInvalidOffset;
        int size = !extended ? AdsUploadInfo.Version1Size
            : length >= AdsUploadInfo.Version3Size ? AdsUploadInfo.Version3Size
            : AdsUploadInfo.Version2Size;
        if (length < size)
            return AdsErrorCode.DeviceInvalidSize;
        symbols.Uploads.Info.Write(output, size);
        return AdsErrorCode.NoError;
    }
}
