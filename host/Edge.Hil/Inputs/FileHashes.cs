using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Edge.Hil.Inputs;

/// <summary>SHA-256 of input files, each read once per run: what a cell's input hash is built from.</summary>
public sealed class FileHashes
{
    private readonly ConcurrentDictionary<string, string> _known = new(StringComparer.Ordinal);

    public string Of(string path) => _known.GetOrAdd(Path.GetFullPath(path), full =>
    {
        try
        {
            using var stream = File.OpenRead(full);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HilInputException($"{path}: cannot be read: {e.Message}", e);
        }
    });

    public static string Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string OfText(string text) => Of(System.Text.Encoding.UTF8.GetBytes(text));
}
