using System.Text.Json;
using System.Text.Json.Serialization;
using Edge.Common.Files;
using Edge.Data;
using Edge.Drift.Replay;
using Edge.Drift.Report;

namespace Edge.Drift.Output;

/// <summary>
/// The window reports a board sent while a file was streamed to it (<c>edge board stream
/// --windows-out</c>), in the replay's window shape (host/Edge.Drift/docs/replay-json.md) so
/// `edge drift report` reads both alike. "format" names the schema version.
/// </summary>
public static class BoardWindowsJson
{
    public const string Format = "edge-board-windows/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static byte[] Write(BoardWindows windows) => JsonSerializer.SerializeToUtf8Bytes(new Document(Format, windows.Board, windows.Profile, windows.Data, windows.WindowSize, windows.Windows), Options);

    /// <summary>Reads a file written by <see cref="Write"/>; anything else is a <see cref="DataFileException"/> naming the file.</summary>
    public static BoardWindows Read(string path)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(InputFile.ReadAllBytes(path, MaxBytes, "a board window file"), Options);
        }
        catch (JsonException e)
        {
            throw new DataFileException(path, $"is not a board window file ({Format}): {e.Message}", inner: e);
        }
        if (document is null || document.Format != Format)
            throw new DataFileException(path, $"is not a board window file: its format is {(document?.Format is { } f ? $"\"{f}\"" : "missing")}, expected \"{Format}\" (edge board stream --windows-out)");
        if (document.WindowSize < 1) throw new DataFileException(path, $"has window size {document.WindowSize}: must be at least 1");
        return new BoardWindows(path, document.Board, document.Profile, document.Data, document.WindowSize, document.Windows ?? []);
    }

    /// <summary>A day of windows of 64 features is a few MB; more is not a window file.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    private sealed record Document(string Format, string Board, string Profile, string Data, int WindowSize, IReadOnlyList<WindowRecord>? Windows);
}
