using System.Text;
using Edge.Power.Samples;

namespace Edge.Power.Acquisition;

/// <summary>
/// Decodes `format ascii_dec`, one line at a time (hil-stlink-v3pwr.md §1.6): sample tokens
/// `DDDDsEE` (one per line, or several packed on one LPM01A line), `TimeStamp: 001s 000ms, buff 00%`,
/// `event NN ris`, the end markers `end` and `Acquisition completed`, and command replies. A line
/// that is none of these is skipped and counted; when it ends in a whole sample token (garbage
/// glued in front of a sample) that sample is kept.
/// </summary>
public sealed class AsciiStreamDecoder(SamplingRate rate) : StreamDecoder(rate)
{
    /// <summary>Longest line kept; longer runs without a newline are garbage.</summary>
    public const int MaxLineLength = 160;

    private static ReadOnlySpan<byte> Prompt => "PowerShield > "u8;

    private readonly byte[] line = new byte[MaxLineLength];
    private int lineLength;
    private bool overlong;

    protected override int DecodeCore(ReadOnlySpan<byte> input, IAcquisitionSink sink)
    {
        int i = 0;
        while (i < input.Length && !Ended)
        {
            // Fast path: a whole line inside this chunk and nothing pending from the last one.
            if (lineLength == 0 && !overlong)
            {
                int newline = input[i..].IndexOf((byte)'\n');
                if (newline < 0) break;
                ProcessLine(input.Slice(i, newline), sink);
                i += newline + 1;
                continue;
            }
            byte b = input[i++];
            if (b == '\n')
            {
                if (overlong) SkipCorrupt(lineLength + 1, $"line longer than {MaxLineLength} bytes");
                else ProcessLine(line.AsSpan(0, lineLength), sink);
                lineLength = 0;
                overlong = false;
            }
            else if (lineLength < line.Length) line[lineLength++] = b;
            else
            {
                overlong = true;
                SkipCorrupt(1, $"line longer than {MaxLineLength} bytes");
            }
        }
        // Keep an unfinished line for the next chunk.
        if (!Ended && i < input.Length)
        {
            foreach (byte b in input[i..])
            {
                if (lineLength < line.Length) line[lineLength++] = b;
                else
                {
                    overlong = true;
                    SkipCorrupt(1, $"line longer than {MaxLineLength} bytes");
                }
            }
            i = input.Length;
        }
        return i;
    }

    protected override int DiscardPartialInput()
    {
        int partial = lineLength;
        lineLength = 0;
        overlong = false;
        return partial;
    }

    private void ProcessLine(ReadOnlySpan<byte> raw, IAcquisitionSink sink)
    {
        int terminatorBytes = 1; // the '\n' already consumed
        ReadOnlySpan<byte> text = raw;
        if (text.Length > 0 && text[^1] == '\r') text = text[..^1];
        text = text.TrimStart((byte)0); // a NUL may precede the first sample after a TimeStamp
        if (text.Length == AsciiSampleCodec.TokenLength && AsciiSampleCodec.TryDecode(text, out double amperes))
        {
            AddSample(amperes, sink);
            return;
        }
        while (text.StartsWith(Prompt)) text = text[Prompt.Length..];
        text = text.Trim((byte)' ');
        if (text.IsEmpty) return;
        if (TryPackedSamples(text, sink)) return;
        if (TryControl(text, sink)) return;

        // Garbage glued to a sample: keep the trailing token, count the rest. A digit or sign just
        // before it means the token may be the tail of a longer number, so nothing is kept.
        if (text.Length > AsciiSampleCodec.TokenLength && !IsNumeric(text[^(AsciiSampleCodec.TokenLength + 1)])
            && AsciiSampleCodec.TryDecode(text[^AsciiSampleCodec.TokenLength..], out amperes))
        {
            int carriageReturn = raw.Length > 0 && raw[^1] == '\r' ? 1 : 0;
            SkipCorrupt(raw.Length - carriageReturn - AsciiSampleCodec.TokenLength, "unreadable bytes before a sample");
            AddSample(amperes, sink);
            return;
        }
        SkipCorrupt(raw.Length + terminatorBytes, $"unrecognised line '{Printable(text)}'");
    }

    /// <summary>Several tokens on one line, separated by spaces or not at all.</summary>
    private bool TryPackedSamples(ReadOnlySpan<byte> text, IAcquisitionSink sink)
    {
        int count = 0;
        for (int p = 0; p < text.Length;)
        {
            if (text[p] == ' ' || text[p] == 0) { p++; continue; }
            if (p + AsciiSampleCodec.TokenLength > text.Length || !AsciiSampleCodec.TryDecode(text.Slice(p, AsciiSampleCodec.TokenLength), out _)) return false;
            p += AsciiSampleCodec.TokenLength;
            count++;
        }
        if (count == 0) return false;
        for (int p = 0; p < text.Length;)
        {
            if (text[p] == ' ' || text[p] == 0) { p++; continue; }
            AsciiSampleCodec.TryDecode(text.Slice(p, AsciiSampleCodec.TokenLength), out double amperes);
            AddSample(amperes, sink);
            p += AsciiSampleCodec.TokenLength;
        }
        return true;
    }

    private bool TryControl(ReadOnlySpan<byte> text, IAcquisitionSink sink)
    {
        string s = Encoding.ASCII.GetString(text);
        if (AsciiStatusLine.TryParseTimestamp(s, out long milliseconds, out int bufferPercent))
        {
            Report(sink, StreamEventKind.DeviceTimestamp, milliseconds, detail: bufferPercent);
            return true;
        }
        if (AsciiStatusLine.TryParseEvent(s, out int counter, out string edge))
        {
            Report(sink, StreamEventKind.TriggerMarker, counter, text: edge);
            return true;
        }
        if (AsciiStatusLine.IsEndOfAcquisition(s))
        {
            Report(sink, StreamEventKind.EndOfAcquisition, text: s);
            return true;
        }
        if (AsciiStatusLine.IsOvercurrent(s))
        {
            Report(sink, StreamEventKind.Overcurrent, text: s);
            return true;
        }
        if (AsciiStatusLine.IsControlLine(s))
        {
            Report(sink, StreamEventKind.ControlLine, text: s);
            return true;
        }
        return false;
    }

    private static bool IsNumeric(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'+';

    private static string Printable(ReadOnlySpan<byte> text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, 40));
        foreach (byte b in text[..Math.Min(text.Length, 40)]) builder.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
        if (text.Length > 40) builder.Append('…');
        return builder.ToString();
    }
}
