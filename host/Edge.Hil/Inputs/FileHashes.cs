using System.Collections.Concurrent;
using System.Security.Cryptography;
using Edge.Common.Files;

namespace Edge.Hil.Inputs;

/// <summary>SHA-256 of input files, each read once per run: what a cell's input hash is built from.</summary>
public sealed class FileHashes
{
    /// <summary>The largest input hashed: a table (Edge.Data reads at most 1 GB) or anything smaller.</summary>
    private const long MaxBytes = Edge.Data.TableReader.MaxBytes;

    private readonly ConcurrentDictionary<string, string> _known = new(StringComparer.Ordinal);

    public string Of(string path) => _known.GetOrAdd(Path.GetFullPath(path), full =>
    {
        try
        {
            using var stream = InputFile.OpenRead(full, MaxBytes, "an input of a HIL run");
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException and not InputFileException || e is UnauthorizedAccessException)
        {
            throw new HilInputException($"{path}: cannot be read: {e.Message}", e);
        }
    });

    public static string Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string OfText(string text) => Of(System.Text.Encoding.UTF8.GetBytes(text));
}
