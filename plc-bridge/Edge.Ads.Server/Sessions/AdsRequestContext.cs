using Edge.Ads.Ams;

namespace Edge.Ads.Server.Sessions;

/// <summary>Who asks (<see cref="Sender"/>), on which connection, and how they addressed us (<see cref="Receiver"/>).</summary>
internal readonly record struct AdsRequestContext(AdsSession Session, AmsAddress Sender, AmsAddress Receiver);
