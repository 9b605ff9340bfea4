namespace Edge.Ads.Protocol;

/// <summary>Bytes that do not follow the ADS layout they claim to have; the message names what was wrong.</summary>
public sealed class AdsFormatException(string message) : FormatException(message);
