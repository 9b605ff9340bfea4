using Edge.Common.Files;
using Edge.Device.Codec;
using Edge.Device.Model;

namespace Edge.Models.Format;

/// <summary>An .edgem file read as the board reads it: size-limited, then checked by the device's own reader (magic, version, CRC-32, every section).</summary>
public static class ModelFile
{
    /// <summary>Far above any model a microcontroller holds; a larger file is not a model for a board.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public static EdgeModel Read(string path) => Read(path, out _);

    public static EdgeModel Read(string path, out byte[] bytes)
    {
        bytes = InputFile.ReadAllBytes(path, MaxBytes, "a model file (.edgem)");
        try
        {
            return ModelReader.Read(bytes);
        }
        catch (EdgeFormatException e)
        {
            throw new EdgeFormatException($"{path}: {e.Message}");
        }
    }
}
