using System.Buffers.Binary;
using Edge.Ads.Protocol;

namespace Edge.Ads.Messages;

/// <summary>Reads a DeviceNotification payload; every count and size is checked against the bytes present.</summary>
public static class AdsNotificationStreamReader
{
    public static IReadOnlyList<AdsNotificationStamp> Read(ReadOnlyMemory<byte> payload)
    {
        var span = payload.Span;
        if (span.Length < 8)
            throw new AdsFormatException($"notification stream has {span.Length} bytes, needs 8 for length and stamp count");
        uint stampCount = BinaryPrimitives.ReadUInt32LittleEndian(span[4..]);
        int pos = 8;
        var stamps = new List<AdsNotificationStamp>();
        for (uint s = 0; s < stampCount; s++)
        {
            if (span.Length - pos < AdsNotificationStamp.HeaderSize)
                throw new AdsFormatException($"stamp {s} of {stampCount} is cut off at byte {pos}");
            long fileTime = BinaryPrimitives.ReadInt64LittleEndian(span[pos..]);
            uint sampleCount = BinaryPrimitives.ReadUInt32LittleEndian(span[(pos + 8)..]);
            pos += AdsNotificationStamp.HeaderSize;
            var samples = new List<AdsNotificationSample>();
            for (uint i = 0; i < sampleCount; i++)
            {
                if (span.Length - pos < AdsNotificationSample.HeaderSize)
                    throw new AdsFormatException($"sample {i} of stamp {s} is cut off at byte {pos}");
                uint handle = BinaryPrimitives.ReadUInt32LittleEndian(span[pos..]);
                uint size = BinaryPrimitives.ReadUInt32LittleEndian(span[(pos + 4)..]);
                pos += AdsNotificationSample.HeaderSize;
                if ((uint)(span.Length - pos) < size)
                    throw new AdsFormatException($"sample {i} of stamp {s} announces {size} bytes, {span.Length - pos} left");
                samples.Add(new AdsNotificationSample(handle, payload.Slice(pos, (int)size)));
                pos += (int)size;
            }
            stamps.Add(new AdsNotificationStamp(fileTime, samples));
        }
        return stamps;
    }
}
