using Edge.Ads.Ams;
using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Tests.Support;

namespace Edge.Ads.Tests.Robustness;

/// <summary>
/// Malformed and mutated traffic from a seeded generator. Most frames keep AMS/TCP framing intact
/// and attack what is inside (commands, lengths, groups, names, sum counts, header fields, flipped
/// bits); a batch may end with a frame that breaks framing (truncated, oversized length, no AMS
/// header, unknown AMS/TCP command, random bytes), after which the server must hang up.
/// </summary>
internal sealed class HostileFrames(Random random, AmsAddress device, AmsAddress client)
{
    private static readonly uint[] Groups =
        [0, 1, 0x4040, 0x4041, 0xEFFF, 0xF000, 0xF003, 0xF004, 0xF005, 0xF006, 0xF007, 0xF008, 0xF009, 0xF00B, 0xF00C, 0xF00E, 0xF00F, 0xF011, 0xF080, 0xF081, 0xF082, 0xF100, uint.MaxValue];

    private static readonly uint[] Numbers = [0, 1, 2, 3, 4, 7, 8, 12, 13, 88, 176, 183, 184, 185, 500, 501, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, uint.MaxValue];

    private static readonly string[] Names =
        ["Board1", "board1.metrics", "Board1.Metrics.FeatureDrift[3]", "Board1.Metrics.FeatureDrift[-1]", "Board1.Metrics.FeatureDrift[99999999999]",
         "GVL.Temperatures[1,1]", "ST_Board", "ARRAY [0..7] OF REAL", "Board1..Id", "[", "]", ".", "Board1[", "Board1.Metrics.AlarmAck", ""];

    /// <summary>Frames in one write, and whether the last one breaks framing.</summary>
    public (byte[] Bytes, int Frames, bool BreaksFraming) NextBatch(int size)
    {
        var writer = new AdsBufferWriter(size * 64);
        for (int i = 0; i < size; i++)
            writer.Write(AdsLevelFrame());
        bool breaks = random.Next(100) < 30;
        if (breaks)
            writer.Write(FramingBreaker());
        return (writer.ToArray(), size + (breaks ? 1 : 0), breaks);
    }

    private byte[] AdsLevelFrame() => random.Next(9) switch
    {
        0 => Frame((AdsCommandId)random.Next(0, 12), RandomBytes(random.Next(0, 64))),
        1 => Frame(AdsCommandId.Read, Payloads.U32(Pick(Groups), Pick(Numbers), Pick(Numbers))),
        2 => Frame(AdsCommandId.Write, Payloads.U32(Pick(Groups), Pick(Numbers), Pick(Numbers)).Concat(RandomBytes(random.Next(0, 16))).ToArray()),
        3 => Frame(AdsCommandId.ReadWrite, Payloads.ReadWrite(Pick(Groups), Pick(Numbers), Pick(Numbers), NameBytes())),
        4 => Frame(AdsCommandId.ReadWrite, SumCommand()),
        5 => Frame(AdsCommandId.AddDeviceNotification, Payloads.U32(Pick(Groups), Pick(Numbers), Pick(Numbers), (uint)random.Next(0, 8), Pick(Numbers), Pick(Numbers), 0, 0, 0, 0)),
        6 => Frame((AdsCommandId)random.Next(1, 10), RandomBytes(random.Next(0, 48)), target: new AmsAddress(RandomNetId(), (ushort)random.Next())),
        7 => LyingDataLength(),
        _ => FlippedBits(),
    };

    private byte[] FramingBreaker()
    {
        var whole = Frame(AdsCommandId.Read, Payloads.U32(0x4040, 0, 4));
        switch (random.Next(5))
        {
            case 0: // truncated: the peer will stop sending inside it
                return whole[..random.Next(1, whole.Length)];
            case 1: // a length field far above the limit
                BitConverter.TryWriteBytes(whole.AsSpan(2), (uint)random.Next(2 * 1024 * 1024, int.MaxValue));
                return whole;
            case 2: // an ADS frame too short for an AMS header
                int length = random.Next(0, AmsHeader.Size);
                return [0, 0, .. BitConverter.GetBytes((uint)length), .. RandomBytes(length)];
            case 3: // an AMS/TCP command nobody knows
                ushort command = (ushort)random.Next(0x2000, 0x10000);
                return [.. BitConverter.GetBytes(command), 2, 0, 0, 0, 0, 0];
            default:
                return RandomBytes(random.Next(6, 200));
        }
    }

    private byte[] SumCommand()
    {
        uint count = Pick(Numbers) % 600;
        int records = random.Next(0, 6);
        int recordSize = random.Next(2) == 0 ? 12 : 16;
        var data = Enumerable.Range(0, records).SelectMany(_ => Payloads.U32(Pick(Groups), Pick(Numbers), Pick(Numbers), Pick(Numbers)).Take(recordSize)).ToArray();
        return Payloads.ReadWrite(0xF080 + (uint)random.Next(0, 3), count, Pick(Numbers), [.. data, .. RandomBytes(random.Next(0, 24))]);
    }

    private byte[] NameBytes() => random.Next(4) switch
    {
        0 => RandomBytes(random.Next(0, 40)),
        1 => Payloads.Name(new string('A', random.Next(1000, 3000))),
        _ => Payloads.Name(Names[random.Next(Names.Length)]),
    };

    private byte[] LyingDataLength()
    {
        var frame = Frame(AdsCommandId.Read, Payloads.U32(0x4040, 0, 4));
        BitConverter.TryWriteBytes(frame.AsSpan(AmsTcpHeader.Size + 20), Pick(Numbers));
        return frame;
    }

    // Bits flipped anywhere after the AMS/TCP header: framing stays, everything else may break.
    private byte[] FlippedBits()
    {
        var frame = Frame((AdsCommandId)random.Next(1, 10), Payloads.U32(Pick(Groups), Pick(Numbers), Pick(Numbers), Pick(Numbers)));
        for (int flips = random.Next(1, 6); flips > 0; flips--)
            frame[random.Next(AmsTcpHeader.Size, frame.Length)] ^= (byte)(1 << random.Next(8));
        return frame;
    }

    private byte[] Frame(AdsCommandId command, byte[] payload, AmsAddress? target = null)
    {
        var flags = random.Next(50) == 0 ? AmsStateFlags.ResponseToRequest : AmsStateFlags.Request;
        return AmsFrame.CreateAds(new AmsHeader(target ?? device, client, command, flags, 0, AdsErrorCode.NoError, (uint)random.Next()), payload);
    }

    private AmsNetId RandomNetId() => random.Next(3) == 0 ? AmsNetId.Local : AmsNetId.Read(RandomBytes(6));

    private uint Pick(uint[] values) => random.Next(4) == 0 ? (uint)random.NextInt64(0, 1L << 32) : values[random.Next(values.Length)];

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
