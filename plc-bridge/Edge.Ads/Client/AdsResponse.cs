using Edge.Ads.Ams;

namespace Edge.Ads.Client;

/// <summary>A response frame: its AMS header and ADS payload.</summary>
public sealed record AdsResponse(AmsHeader Header, byte[] Payload);
