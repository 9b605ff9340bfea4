using System.Buffers.Binary;
using System.IO.Compression;

namespace Edge.TestSupport;

/// <summary>
/// Reads the pixels of an 8-bit RGB or RGBA PNG (what Chromium's screenshots are), enough to tell
/// whether plots were drawn: the PNG spec's chunks, zlib-inflated scanlines and the five filters.
/// </summary>
public sealed class PngImage
{
    private PngImage(int width, int height, byte[] rgb)
    {
        Width = width;
        Height = height;
        Rgb = rgb;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>3 bytes per pixel, row by row.</summary>
    public byte[] Rgb { get; }

    public int Pixel(int x, int y) => (Rgb[3 * (y * Width + x)] << 16) | (Rgb[3 * (y * Width + x) + 1] << 8) | Rgb[3 * (y * Width + x) + 2];

    public static PngImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8 || BinaryPrimitives.ReadUInt64BigEndian(bytes) != 0x89504E470D0A1A0AUL) throw new InvalidDataException($"{path} is not a PNG");
        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        for (int at = 8; at + 8 <= bytes.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0) throw new InvalidDataException("only 8-bit, non-interlaced PNGs");
                channels = data[9] switch { 2 => 3, 6 => 4, _ => throw new InvalidDataException($"colour type {data[9]} not supported") };
            }
            else if (type == "IDAT") compressed.Write(data);
            else if (type == "IEND") break;
            at += 12 + length;
        }
        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        var scanlines = raw.ToArray();
        int stride = width * channels;
        var previous = new byte[stride];
        var current = new byte[stride];
        var rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            int filter = scanlines[y * (stride + 1)];
            Array.Copy(scanlines, y * (stride + 1) + 1, current, 0, stride);
            for (int i = 0; i < stride; i++)
            {
                int left = i >= channels ? current[i - channels] : 0, up = previous[i], upLeft = i >= channels ? previous[i - channels] : 0;
                current[i] = (byte)(current[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"filter {filter}"),
                });
            }
            for (int x = 0; x < width; x++)
                for (int c = 0; c < 3; c++) rgb[3 * (y * width + x) + c] = current[x * channels + c];
            (previous, current) = (current, previous);
        }
        return new PngImage(width, height, rgb);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
