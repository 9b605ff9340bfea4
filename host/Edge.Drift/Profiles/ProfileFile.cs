using Edge.Common.Files;
using Edge.Device.Drift;

namespace Edge.Drift.Profiles;

/// <summary>A drift profile file (.edgp) read as the board reads it: size-limited, then checked by the device's own reader (magic, version, CRC-32, every field).</summary>
public static class ProfileFile
{
    /// <summary>Above anything the format allows in practice (1024 columns of 64 bins, or of 63 long category names).</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    public static DriftProfile Read(string path) => Read(path, out _);

    /// <summary>Reads and checks the profile, also returning its bytes (to embed or upload them unchanged).</summary>
    public static DriftProfile Read(string path, out byte[] bytes)
    {
        bytes = InputFile.ReadAllBytes(path, MaxBytes, "a drift profile (.edgp)");
        return DriftProfileReader.Read(bytes, path);
    }
}
