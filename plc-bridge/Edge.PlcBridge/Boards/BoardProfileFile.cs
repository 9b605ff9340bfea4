using Edge.Common.Files;
using Edge.Device.Drift;

namespace Edge.PlcBridge.Boards;

/// <summary>
/// A board's drift profile (.edgp) as the bridge reads it: size-limited like every user file, then
/// checked by the board's own reader (magic, version, CRC-32, every field). The same rule as
/// Edge.Drift's ProfileFile, kept here so the bridge stays off that project's data stack.
/// </summary>
internal static class BoardProfileFile
{
    /// <summary>Above anything the format allows in practice (the limit Edge.Drift's ProfileFile uses).</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    public static DriftProfile Read(string path) =>
        DriftProfileReader.Read(InputFile.ReadAllBytes(path, MaxBytes, "a drift profile (.edgp)"), path);
}
