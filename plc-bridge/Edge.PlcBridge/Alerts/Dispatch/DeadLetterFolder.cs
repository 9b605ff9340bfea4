using System.Globalization;
using System.Text.Json;
using Edge.Common.Files;
using Edge.PlcBridge.Alerts.Events;

namespace Edge.PlcBridge.Alerts.Dispatch;

/// <summary>
/// Events a route could not deliver: one JSON file each (<see cref="DeadLetter"/>: route, attempts,
/// last error, the event), named <c>ROUTE-BOARD-KIND-SEQUENCE.json</c>, written once and durably
/// through Edge.Common's <see cref="AtomicFile"/> (a dead letter is never half written and never
/// overwritten; a name taken by an earlier letter gets a -2, -3, ... suffix).
/// </summary>
public sealed class DeadLetterFolder(string folder)
{
    public string Folder { get; } = folder;

    /// <summary>Writes the letter; returns its file. Throws an IOException naming the file when it cannot.</summary>
    public async Task<string> WriteAsync(DeadLetter letter)
    {
        Directory.CreateDirectory(Folder);
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(letter, AlertJson.Default.DeadLetter);
        string stem = $"{letter.Route}-{letter.Event.Board}-{letter.Event.Kind}-{letter.Event.Sequence.ToString(CultureInfo.InvariantCulture)}";
        for (int copy = 1; ; copy++)
        {
            string path = Path.Combine(Folder, copy == 1 ? stem + ".json" : $"{stem}-{copy.ToString(CultureInfo.InvariantCulture)}.json");
            if (await AtomicFile.WriteOnceAsync(path, stream => stream.WriteAsync(bytes).AsTask()).ConfigureAwait(false))
                return path;
        }
    }

    /// <summary>The letters in the folder, oldest name first.</summary>
    public IReadOnlyList<DeadLetter> Read() =>
        !Directory.Exists(Folder) ? [] : Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize(File.ReadAllBytes(f), AlertJson.Default.DeadLetter)
                ?? throw new InvalidDataException($"{f} is not a dead letter"))
            .ToArray();
}
