using Edge.Ads.Framing;

namespace Edge.Ads.Messages;

/// <summary>
/// Writes the payload of a DeviceNotification:
/// <c>u32 length (bytes after this field), u32 stampCount, stamps</c>; a stamp is
/// <c>u64 FILETIME, u32 sampleCount, samples</c>. Counts and length are patched as stamps and samples
/// are added, so the payload is valid after every call.
/// </summary>
public sealed class AdsNotificationStreamWriter
{
    private readonly AdsBufferWriter _writer;
    private readonly int _start;
    private int _stampStart = -1;

    /// <summary>Begins a stream at the writer's position.</summary>
    public AdsNotificationStreamWriter(AdsBufferWriter writer)
    {
        _writer = writer;
        _start = writer.Position;
        writer.WriteUInt32(4); // length: the stamp count that follows
        writer.WriteUInt32(0); // stamp count
    }

    public int StampCount { get; private set; }

    public void BeginStamp(long fileTime)
    {
        _stampStart = _writer.Position;
        _writer.WriteUInt64((ulong)fileTime);
        _writer.WriteUInt32(0); // sample count, patched by AddSample
        StampCount++;
        _writer.PatchUInt32(_start + 4, (uint)StampCount);
        PatchLength();
    }

    public void AddSample(uint notificationHandle, ReadOnlySpan<byte> data)
    {
        if (_stampStart < 0)
            throw new InvalidOperationException("a sample needs a stamp: call BeginStamp first");
        _writer.WriteUInt32(notificationHandle);
        _writer.WriteUInt32((uint)data.Length);
        _writer.Write(data);
        var countAt = _stampStart + 8;
        uint count = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(_writer.WrittenSpan[countAt..]);
        _writer.PatchUInt32(countAt, count + 1);
        PatchLength();
    }

    // TwinCAT sends the AMS data length minus this field (seen in ads-client#165); readers ignore it.
    private void PatchLength() => _writer.PatchUInt32(_start, (uint)(_writer.Position - _start - 4));
}
