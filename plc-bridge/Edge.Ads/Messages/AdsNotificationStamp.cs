namespace Edge.Ads.Messages;

/// <summary>
/// Samples taken at one instant: <c>u64 timestamp, u32 sampleCount, samples</c>. The timestamp is a
/// Windows FILETIME: 100 ns intervals since 1601-01-01 UTC.
/// </summary>
public sealed record AdsNotificationStamp(long FileTime, IReadOnlyList<AdsNotificationSample> Samples)
{
    /// <summary>Bytes before the samples.</summary>
    public const int HeaderSize = 8 + 4;

    public DateTimeOffset Timestamp => new(DateTime.FromFileTimeUtc(FileTime));
}
