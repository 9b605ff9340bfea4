namespace Edge.Board.Tests.Support;

/// <summary>
/// What a noisy factory line does: flips a bit, drops a byte, or inserts a random byte before
/// one (a third each), either at a rate per byte, or once in a given share of the frames (a
/// frame ends at its 0x00 delimiter; a write may carry several). Seeded, so a failure repeats.
/// </summary>
public sealed class LineNoise(double rate, int seed, bool perFrame = false)
{
    private readonly Random _random = new(seed);

    /// <summary>Writes that were hit (per-frame mode).</summary>
    public long FramesHit { get; private set; }

    public long Flipped { get; private set; }
    public long Dropped { get; private set; }
    public long Inserted { get; private set; }

    public long Faults => Flipped + Dropped + Inserted;

    /// <summary>Passes bytes through the line; returns what arrives, and for each input byte whether it was affected.</summary>
    public byte[] Transmit(ReadOnlySpan<byte> sent, bool[]? affected = null)
    {
        var received = new List<byte>(sent.Length + 8);
        int hitAt = -1;
        int frameStart = 0;
        for (int i = 0; i < sent.Length; i++)
        {
            if (perFrame && i == frameStart)
            {
                int end = sent[i..].IndexOf((byte)0);
                int frameLength = end < 0 ? sent.Length - i : end + 1;
                hitAt = -1;
                if (_random.NextDouble() < rate)
                {
                    hitAt = i + _random.Next(frameLength);
                    FramesHit++;
                }
                frameStart = i + frameLength;
            }
            byte b = sent[i];
            if (perFrame ? i == hitAt : rate > 0 && _random.NextDouble() < rate)
            {
                if (affected is not null) affected[i] = true;
                switch (_random.Next(3))
                {
                    case 0: received.Add((byte)(b ^ (1 << _random.Next(8)))); Flipped++; continue;
                    case 1: Dropped++; continue;
                    default: received.Add((byte)_random.Next(256)); Inserted++; break;
                }
            }
            received.Add(b);
        }
        return received.ToArray();
    }
}
