namespace Edge.Ads.Protocol;

/// <summary>A peer answered with an ADS error code.</summary>
public sealed class AdsErrorException(AdsErrorCode errorCode, string operation)
    : Exception($"{operation} failed: {AdsErrorText.Describe(errorCode)}")
{
    public AdsErrorCode ErrorCode { get; } = errorCode;
}
