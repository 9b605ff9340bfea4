using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Edge.Hil.Matrix;

/// <summary>
/// Shard i of n (1-based) of a matrix: the cells whose key hashes to it. The hash is SHA-256 of
/// the key, so every bench host computes the same split from the same matrix, whatever order it
/// lists the cells in, and adding a model does not move the other cells.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    public static Shard All => new(1, 1);

    public bool Contains(string cellKey)
    {
        if (Count == 1) return true;
        ulong hash = BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(cellKey)));
        return (int)(hash % (ulong)Count) == Index - 1;
    }

    /// <summary>Parses `i/n` with 1 &lt;= i &lt;= n.</summary>
    public static bool TryParse(string? text, out Shard shard)
    {
        shard = All;
        string[] parts = (text ?? "").Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index) || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int count)) return false;
        if (count < 1 || index < 1 || index > count) return false;
        shard = new Shard(index, count);
        return true;
    }

    public override string ToString() => $"{Index}/{Count}";
}
