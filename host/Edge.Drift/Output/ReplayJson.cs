using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Edge.Drift.Replay;

namespace Edge.Drift.Output;

/// <summary>
/// The machine-readable replay output, documented in host/Edge.Drift/docs/replay-json.md. The
/// "format" field names the schema version; fields are only added within a version. Written as
/// the replay runs (each window when it closes; the summary after the windows), so its length
/// does not bound the rows a replay can take.
/// </summary>
public sealed class ReplayJson : IReplayOutput
{
    public const string Format = "edge-drift-replay/1";

    private readonly TextWriter _writer;
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _json;
    private char[] _chars = [];

    public ReplayJson(TextWriter writer)
    {
        _writer = writer;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true });
    }

    /// <summary>A whole replay at once.</summary>
    public static void Write(TextWriter writer, ReplayResult result)
    {
        var json = new ReplayJson(writer);
        json.Begin(new ReplaySetup(result.ProfileSource, result.DataSource, result.WindowSize, result.AnomalySource));
        foreach (var window in result.Windows) json.Window(window);
        json.End(result.Summary, result.Captured);
    }

    public void Begin(ReplaySetup setup)
    {
        _json.WriteStartObject();
        _json.WriteString("format", Format);
        _json.WriteString("profile", setup.ProfileSource);
        _json.WriteString("data", setup.DataSource);
        _json.WriteNumber("windowSize", setup.WindowSize);
        _json.WriteString("anomalySource", setup.AnomalySource);
        _json.WriteStartArray("windows");
        Flush();
    }

    public void Window(WindowRecord window)
    {
        JsonSerializer.Serialize(_json, window, ReplayJsonContext.Default.WindowRecord);
        Flush();
    }

    public void End(ReplaySummary summary, IReadOnlyList<CapturedRow> captured)
    {
        _json.WriteEndArray();
        _json.WritePropertyName("summary");
        JsonSerializer.Serialize(_json, summary, ReplayJsonContext.Default.ReplaySummary);
        _json.WritePropertyName("captured");
        JsonSerializer.Serialize(_json, captured, ReplayJsonContext.Default.IReadOnlyListCapturedRow);
        _json.WriteEndObject();
        Flush();
        _writer.WriteLine();
    }

    private void Flush()
    {
        _json.Flush();
        // Decoded into one reused buffer: a new string per window (about 47,000 characters for 64
        // columns, so on the large-object heap) cost more in fresh pages than the decoding itself.
        var bytes = _buffer.WrittenSpan;
        int needed = Encoding.UTF8.GetMaxCharCount(bytes.Length);
        if (_chars.Length < needed) _chars = new char[Math.Max(needed, _chars.Length * 2)];
        _writer.Write(_chars, 0, Encoding.UTF8.GetChars(bytes, _chars));
        _buffer.ResetWrittenCount();
    }
}
