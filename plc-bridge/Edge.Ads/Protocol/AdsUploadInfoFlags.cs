namespace Edge.Ads.Protocol;

/// <summary>Flags of the 64-byte upload info (ads-client ADS_UPLOAD_INFO_FLAGS).</summary>
[Flags]
public enum AdsUploadInfoFlags : uint
{
    None = 0,
    /// <summary>The target uses 8-byte pointers.</summary>
    Is64Bit = 1,
    /// <summary>The data-type upload includes base types (REAL, DINT, ...).</summary>
    IncludesBaseTypes = 2,
    /// <summary>Names and comments are UTF-8 instead of code page 1252.</summary>
    Utf8StringData = 4,
}
