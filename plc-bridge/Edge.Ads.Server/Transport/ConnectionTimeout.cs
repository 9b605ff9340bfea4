namespace Edge.Ads.Server.Transport;

/// <summary>Which timeout closed a connection (<see cref="AdsServerOptions"/>).</summary>
internal enum ConnectionTimeout
{
    /// <summary>Nothing received or sent for <see cref="AdsServerOptions.IdleTimeout"/>.</summary>
    Idle,

    /// <summary>A frame, or the first one, not complete within <see cref="AdsServerOptions.RequestTimeout"/>.</summary>
    Request,

    /// <summary>The peer took none of the data waiting for it for <see cref="AdsServerOptions.SendTimeout"/>.</summary>
    Send,
}
