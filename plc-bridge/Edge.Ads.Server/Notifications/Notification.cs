using Edge.Ads.Ams;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Symbols;

namespace Edge.Ads.Server.Notifications;

/// <summary>
/// One device notification a client added, and its sampling state. Times are
/// <see cref="TimeProvider.GetTimestamp"/> ticks. Guarded by the scheduler's lock.
/// </summary>
internal sealed class Notification(uint handle, AdsAddNotificationRequest request, AmsAddress client, AmsAddress server, AdsRange? watch, long cycleTicks, long maxDelayTicks, int size)
{
    public uint Handle { get; } = handle;

    public AdsAddNotificationRequest Request { get; } = request;

    /// <summary>Where samples go: the AddNotification's sender.</summary>
    public AmsAddress Client { get; } = client;

    /// <summary>Source of sample frames: the address the client sent AddNotification to, since ads-client keys subscriptions by it.</summary>
    public AmsAddress Server { get; } = server;

    /// <summary>Bytes whose change wakes an on-change notification; null: any change.</summary>
    public AdsRange? Watch { get; } = watch;

    public bool IsCyclic => Request.TransMode == AdsTransMode.Cyclic;

    /// <summary>Bytes one sample carries (what the trial read at add time returned).</summary>
    public int Size { get; } = size;

    public long CycleTicks { get; } = cycleTicks;

    public long MaxDelayTicks { get; } = maxDelayTicks;

    /// <summary>Added, but its AddNotification answer is not queued yet; samples wait for it.</summary>
    public bool Pending { get; set; } = true;

    /// <summary>Send the next sample even if unchanged (the first one).</summary>
    public bool ForceSend { get; set; }

    /// <summary>An on-change notification whose bytes may have changed.</summary>
    public bool Dirty { get; set; }

    /// <summary>Reading failed (its symbol went away): one empty sample was sent, no more sampling.</summary>
    public bool Invalid { get; set; }

    /// <summary>Earliest time of the next sample.</summary>
    public long NextDue { get; set; }

    /// <summary>The last sample sent, to compare with (on-change notifications only).</summary>
    public byte[] LastValue { get; set; } = [];

    public bool IsDue(long now) => !Pending && !Invalid && now >= NextDue && (IsCyclic || Dirty);
}
