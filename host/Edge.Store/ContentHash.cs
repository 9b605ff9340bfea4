using System.Security.Cryptography;

namespace Edge.Store;

/// <summary>SHA-256 in lower-case hex: the key of every blob in the store.</summary>
public static class ContentHash
{
    public const int HexLength = 64;

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static async Task<string> OfAsync(Stream stream, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));

    /// <summary>64 lower-case hex digits (what a user pastes may be upper case: normalise first).</summary>
    public static bool IsValid(string? text) =>
        text is { Length: HexLength } && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
