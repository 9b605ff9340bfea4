using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Edge.Power.Acquisition;
using Edge.Power.Samples;

namespace Edge.Power.Simulation;

/// <summary>
/// Writes what a monitor streams, in either format, into a reusable buffer: samples, periodic
/// timestamps, event lines, overcurrent/power-down/end markers (hil-stlink-v3pwr.md §1.6–1.7).
/// The ASCII overcurrent line has no documented wording; the simulator writes `overcurrent`.
/// </summary>
internal sealed class SampleStreamEncoder(SampleFormat format, BinaryFrameLayout layout)
{
    private readonly ArrayBufferWriter<byte> buffer = new(64 * 1024);

    public ReadOnlyMemory<byte> Written => buffer.WrittenMemory;

    public void Clear() => buffer.ResetWrittenCount();

    public void Sample(double amperes)
    {
        if (format == SampleFormat.Binary)
        {
            BinarySampleCodec.Write(amperes, buffer.GetSpan(2));
            buffer.Advance(2);
            return;
        }
        var span = buffer.GetSpan(AsciiSampleCodec.TokenLength + 2);
        AsciiSampleCodec.Encode(amperes, span);
        span[7] = (byte)'\r';
        span[8] = (byte)'\n';
        buffer.Advance(AsciiSampleCodec.TokenLength + 2);
    }

    /// <summary>F3 frame (4-byte ms, MSB = overflow, 1-byte buffer fill) or `TimeStamp: 001s 000ms, buff 00%` (no overflow flag).</summary>
    public void Timestamp(long milliseconds, int bufferPercent, bool overflow = false)
    {
        if (format == SampleFormat.Binary)
        {
            Span<byte> frame = [0xF0, 0xF3, 0, 0, 0, 0, (byte)bufferPercent, 0xFF, 0xFF];
            BinaryPrimitives.WriteUInt32BigEndian(frame[2..], (uint)(milliseconds & 0x7FFF_FFFF) | (overflow ? 0x8000_0000u : 0));
            Bytes(frame);
            return;
        }
        Line(string.Create(CultureInfo.InvariantCulture, $"TimeStamp: {milliseconds / 1000:000}s {milliseconds % 1000:000}ms, buff {bufferPercent:00}%"));
    }

    /// <summary>LPM01A `event NN ris|fal` (ASCII only: no binary form is documented).</summary>
    public void TriggerEvent(int counter, bool rising)
    {
        if (format == SampleFormat.Ascii) Line(string.Create(CultureInfo.InvariantCulture, $"event {counter % 100:00} {(rising ? "ris" : "fal")}"));
    }

    public void Overcurrent()
    {
        if (format == SampleFormat.Ascii)
        {
            Line("overcurrent");
            return;
        }
        int length = layout.LengthOf(0xF5);
        Span<byte> frame = stackalloc byte[length];
        frame.Clear();
        frame[0] = 0xF0;
        frame[1] = 0xF5;
        frame[^2] = 0xFF;
        frame[^1] = 0xFF;
        Bytes(frame);
    }

    public void TargetPowerDown()
    {
        if (format == SampleFormat.Binary) Bytes([0xF0, 0xF6, 0xFF, 0xFF]);
    }

    public void EndOfAcquisition()
    {
        if (format == SampleFormat.Binary) Bytes([0xF0, 0xF4, 0xFF, 0xFF]);
        else Line("end");
    }

    public void Bytes(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);

    public void Line(string text) => Bytes(Encoding.ASCII.GetBytes(text + "\r\n"));
}
