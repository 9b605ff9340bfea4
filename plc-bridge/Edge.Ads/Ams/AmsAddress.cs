using System.Buffers.Binary;
using System.Globalization;

namespace Edge.Ads.Ams;

/// <summary>An AMS address: router net id plus the AMS port of one ADS device behind it.</summary>
public readonly record struct AmsAddress(AmsNetId NetId, ushort Port)
{
    /// <summary>Bytes on the wire: net id (6) + port (2).</summary>
    public const int Size = AmsNetId.Size + 2;

    public static AmsAddress Read(ReadOnlySpan<byte> source) =>
        new(AmsNetId.Read(source), BinaryPrimitives.ReadUInt16LittleEndian(source[AmsNetId.Size..]));

    public void Write(Span<byte> destination)
    {
        NetId.Write(destination);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[AmsNetId.Size..], Port);
    }

    /// <summary>Parses <c>a.b.c.d.e.f:port</c>.</summary>
    public static AmsAddress Parse(string text)
    {
        int colon = text.LastIndexOf(':');
        if (colon < 0 || !ushort.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out ushort port))
            throw new FormatException($"'{text}' is not an AMS address (net id ':' port)");
        return new AmsAddress(AmsNetId.Parse(text[..colon]), port);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{NetId}:{Port}");
}
