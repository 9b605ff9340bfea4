using System.Globalization;
using System.Net;

namespace Edge.Ads.Ams;

/// <summary>
/// The 6-byte AMS network id (<c>a.b.c.d.e.f</c>) that names an ADS router; usually the host's
/// IPv4 address followed by <c>.1.1</c>. On the wire it is the six bytes in text order.
/// </summary>
public readonly struct AmsNetId : IEquatable<AmsNetId>
{
    /// <summary>Bytes on the wire.</summary>
    public const int Size = 6;

    // Byte i of the id sits in bits 8*i..8*i+7, so equality and hashing are one integer compare.
    private readonly ulong _packed;

    private AmsNetId(ulong packed) => _packed = packed;

    /// <summary><c>127.0.0.1.1.1</c>: what clients send when they target "localhost".</summary>
    public static AmsNetId Local { get; } = new(0x01_01_01_00_00_7F);

    /// <summary><c>0.0.0.0.0.0</c>.</summary>
    public static AmsNetId Empty { get; } = default;

    public AmsNetId(byte b0, byte b1, byte b2, byte b3, byte b4, byte b5)
        : this(b0 | (ulong)b1 << 8 | (ulong)b2 << 16 | (ulong)b3 << 24 | (ulong)b4 << 32 | (ulong)b5 << 40)
    {
    }

    /// <summary>The conventional id of a host: its IPv4 address followed by <c>.1.1</c>.</summary>
    public static AmsNetId FromIPv4(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            throw new ArgumentException($"an AMS net id needs an IPv4 address, got {address}", nameof(address));
        Span<byte> ip = stackalloc byte[4];
        address.TryWriteBytes(ip, out _);
        return new AmsNetId(ip[0], ip[1], ip[2], ip[3], 1, 1);
    }

    public byte this[int index] => (uint)index < Size
        ? (byte)(_packed >> (8 * index))
        : throw new ArgumentOutOfRangeException(nameof(index));

    public static AmsNetId Read(ReadOnlySpan<byte> source)
    {
        if (source.Length < Size)
            throw new ArgumentException($"an AMS net id needs {Size} bytes, got {source.Length}", nameof(source));
        return new AmsNetId(source[0], source[1], source[2], source[3], source[4], source[5]);
    }

    public void Write(Span<byte> destination)
    {
        if (destination.Length < Size)
            throw new ArgumentException($"an AMS net id needs {Size} bytes, got {destination.Length}", nameof(destination));
        for (int i = 0; i < Size; i++)
            destination[i] = this[i];
    }

    public static AmsNetId Parse(string text) => TryParse(text, out var id)
        ? id
        : throw new FormatException($"'{text}' is not an AMS net id (six numbers 0-255 separated by dots)");

    public static bool TryParse(string? text, out AmsNetId id)
    {
        id = default;
        if (text is null)
            return false;
        var parts = text.Trim().Split('.');
        if (parts.Length != Size)
            return false;
        Span<byte> bytes = stackalloc byte[Size];
        for (int i = 0; i < Size; i++)
        {
            if (!byte.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out bytes[i]))
                return false;
        }
        id = Read(bytes);
        return true;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{this[0]}.{this[1]}.{this[2]}.{this[3]}.{this[4]}.{this[5]}");

    public bool Equals(AmsNetId other) => _packed == other._packed;
    public override bool Equals(object? obj) => obj is AmsNetId other && Equals(other);
    public override int GetHashCode() => _packed.GetHashCode();
    public static bool operator ==(AmsNetId left, AmsNetId right) => left.Equals(right);
    public static bool operator !=(AmsNetId left, AmsNetId right) => !left.Equals(right);
}
