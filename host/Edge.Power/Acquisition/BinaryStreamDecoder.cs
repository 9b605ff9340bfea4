using System.Buffers.Binary;
using System.Text;
using Edge.Power.Samples;

namespace Edge.Power.Acquisition;

/// <summary>
/// Decodes `format bin_hexa`: 2-byte big-endian samples, interleaved with `0xF0 0xFn … 0xFF 0xFF`
/// metadata frames (hil-stlink-v3pwr.md §1.7). A byte with top nibble 0xF never starts a sample,
/// so such a byte at a word boundary that does not open a known frame marks lost alignment: it is
/// skipped and counted, and decoding resumes one byte later. A fixed-size frame that does not end
/// in `FF FF` was a false start: its first byte is skipped and the rest decoded again.
/// </summary>
public sealed class BinaryStreamDecoder(SamplingRate rate, BinaryFrameLayout layout) : StreamDecoder(rate)
{
    private const byte FrameStart = 0xF0;
    private const byte Terminator = 0xFF;

    private readonly byte[] frame = new byte[BinaryFrameLayout.MaxVariableLength];
    private int frameLength;   // > 0 while collecting a frame
    private int frameExpected; // total length, or Variable
    private bool hasHigh;
    private byte high;

    public BinaryFrameLayout Layout { get; } = layout;

    protected override int DecodeCore(ReadOnlySpan<byte> input, IAcquisitionSink sink)
    {
        int i = 0;
        while (i < input.Length && !Ended)
        {
            // Fast path: whole samples while aligned and outside frames.
            if (frameLength == 0 && !hasHigh)
            {
                while (i + 1 < input.Length && input[i] < 0xF0)
                {
                    AddSample(BinarySampleCodec.Decode(input[i], input[i + 1]), sink);
                    i += 2;
                }
                if (i >= input.Length) break;
            }
            Step(input[i++], sink);
        }
        return i;
    }

    protected override int DiscardPartialInput()
    {
        int partial = frameLength + (hasHigh ? 1 : 0);
        frameLength = 0;
        hasHigh = false;
        return partial;
    }

    private void Step(byte b, IAcquisitionSink sink)
    {
        if (frameLength > 0)
        {
            CollectFrameByte(b, sink);
            return;
        }
        if (!hasHigh)
        {
            if (b >= 0xF0 && b != FrameStart)
            {
                SkipCorrupt(1, $"byte 0x{b:X2} cannot start a sample or a frame");
                return;
            }
            hasHigh = true;
            high = b;
            return;
        }
        hasHigh = false;
        if (high != FrameStart)
        {
            AddSample(BinarySampleCodec.Decode(high, b), sink);
            return;
        }
        int length = Layout.LengthOf(b);
        if (length == 0)
        {
            // F0 followed by no known type: drop the F0 and look at this byte afresh.
            SkipCorrupt(1, $"0xF0 followed by 0x{b:X2}, which is no {Layout.Name} frame type");
            Step(b, sink);
            return;
        }
        frame[0] = FrameStart;
        frame[1] = b;
        frameLength = 2;
        frameExpected = length;
    }

    private void CollectFrameByte(byte b, IAcquisitionSink sink)
    {
        frame[frameLength++] = b;
        if (frameExpected == BinaryFrameLayout.Variable)
        {
            if (frameLength >= 4 && frame[frameLength - 1] == Terminator && frame[frameLength - 2] == Terminator)
                FinishFrame(sink);
            else if (frameLength == frame.Length)
                Resynchronise($"text frame 0x{frame[1]:X2} has no FF FF within {frame.Length} bytes", sink);
            return;
        }
        if (frameLength < frameExpected) return;
        if (frame[frameLength - 1] == Terminator && frame[frameLength - 2] == Terminator)
            FinishFrame(sink);
        else
            Resynchronise($"frame 0x{frame[1]:X2} does not end in FF FF", sink);
    }

    /// <summary>A false frame start: skip its F0 and decode the bytes after it again.</summary>
    private void Resynchronise(string reason, IAcquisitionSink sink)
    {
        int length = frameLength;
        frameLength = 0;
        SkipCorrupt(1, reason);
        Span<byte> replay = stackalloc byte[length - 1];
        frame.AsSpan(1, length - 1).CopyTo(replay);
        foreach (byte b in replay)
        {
            if (Ended) return;
            Step(b, sink);
        }
    }

    private void FinishFrame(IAcquisitionSink sink)
    {
        int length = frameLength;
        frameLength = 0;
        ReadOnlySpan<byte> payload = frame.AsSpan(2, length - 4);
        switch (frame[1])
        {
            case 0xF1:
                Report(sink, StreamEventKind.ErrorMessage, text: Text(payload));
                break;
            case 0xF2:
                Report(sink, StreamEventKind.InfoMessage, text: Text(payload));
                break;
            case 0xF3:
                uint stamp = BinaryPrimitives.ReadUInt32BigEndian(payload);
                Report(sink, StreamEventKind.DeviceTimestamp, stamp & 0x7FFF_FFFF, detail: payload[4], flag: (stamp & 0x8000_0000) != 0);
                break;
            case 0xF4:
                Report(sink, StreamEventKind.EndOfAcquisition);
                break;
            case 0xF5:
                Report(sink, StreamEventKind.Overcurrent, PayloadValue(payload));
                break;
            case 0xF6:
                Report(sink, StreamEventKind.TargetPowerDown);
                break;
            case 0xF7:
                Report(sink, StreamEventKind.Voltage, BinaryPrimitives.ReadUInt16BigEndian(payload));
                break;
            default:
                Report(sink, StreamEventKind.UnknownMetadata, PayloadValue(payload), detail: frame[1]);
                break;
        }
    }

    private static long PayloadValue(ReadOnlySpan<byte> payload)
    {
        long value = 0;
        foreach (byte b in payload) value = value << 8 | b;
        return value;
    }

    private static string Text(ReadOnlySpan<byte> payload) => Encoding.ASCII.GetString(payload).TrimEnd('\r', '\n', '\0');
}
