using System.Buffers.Binary;
using System.Text;

namespace Edge.Ads.Types;

/// <summary>
/// Converts between .NET values and the little-endian bytes of one PLC value, checking that the
/// value fits the type (range of integers, length of strings) instead of cutting it silently.
/// </summary>
internal static class PlcValueCodec
{
    public static void WriteBool(Span<byte> slot, PlcType type, bool value)
    {
        Expect(type, PlcPrimitiveKind.Bool);
        slot[0] = value ? (byte)1 : (byte)0;
    }

    public static void WriteSigned(Span<byte> slot, PlcType type, long value)
    {
        var primitive = Integer(type);
        if (primitive.Kind == PlcPrimitiveKind.UnsignedInteger)
        {
            if (value < 0)
                throw new ArgumentOutOfRangeException(nameof(value), $"{value} does not fit unsigned {type.Name}");
            WriteUnsigned(slot, type, (ulong)value);
            return;
        }
        int bits = 8 * primitive.Size;
        if (bits < 64 && (value < -(1L << (bits - 1)) || value > (1L << (bits - 1)) - 1))
            throw new ArgumentOutOfRangeException(nameof(value), $"{value} does not fit {type.Name}");
        WriteBits(slot, primitive.Size, (ulong)value);
    }

    public static void WriteUnsigned(Span<byte> slot, PlcType type, ulong value)
    {
        var primitive = Integer(type);
        int bits = 8 * primitive.Size;
        ulong max = primitive.Kind == PlcPrimitiveKind.SignedInteger
            ? (1UL << (bits - 1)) - 1
            : bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        if (value > max)
            throw new ArgumentOutOfRangeException(nameof(value), $"{value} does not fit {type.Name}");
        WriteBits(slot, primitive.Size, value);
    }

    public static void WriteReal(Span<byte> slot, PlcType type, double value)
    {
        Expect(type, PlcPrimitiveKind.Real);
        if (type.Size == 4)
            BinaryPrimitives.WriteSingleLittleEndian(slot, (float)value);
        else
            BinaryPrimitives.WriteDoubleLittleEndian(slot, value);
    }

    public static void WriteString(Span<byte> slot, PlcType type, string value)
    {
        if (type is not PlcStringType s)
            throw new ArgumentException($"{type.Name} is not a STRING type");
        if (value.Length > s.Length)
            throw new ArgumentException($"'{value}' has {value.Length} characters, {type.Name} holds {s.Length}");
        slot[..type.Size].Clear(); // the rest of the field stays NUL, as a PLC keeps it
        if (s.IsWide)
        {
            for (int i = 0; i < value.Length; i++)
                BinaryPrimitives.WriteUInt16LittleEndian(slot[(2 * i)..], value[i]);
        }
        else
        {
            if (!Protocol.AdsString.CanEncode(value))
                throw new ArgumentException($"'{value}' has characters a single-byte STRING cannot hold; use WSTRING");
            Encoding.Latin1.GetBytes(value, slot);
        }
    }

    public static bool ReadBool(ReadOnlySpan<byte> slot, PlcType type)
    {
        Expect(type, PlcPrimitiveKind.Bool);
        return slot[0] != 0;
    }

    public static long ReadSigned(ReadOnlySpan<byte> slot, PlcType type)
    {
        var primitive = Integer(type);
        ulong bits = ReadBits(slot, primitive.Size);
        if (primitive.Kind == PlcPrimitiveKind.UnsignedInteger)
            return bits <= long.MaxValue ? (long)bits : throw new OverflowException($"{bits} ({type.Name}) does not fit a long");
        int shift = 64 - 8 * primitive.Size;
        return (long)(bits << shift) >> shift; // sign-extend
    }

    public static ulong ReadUnsigned(ReadOnlySpan<byte> slot, PlcType type)
    {
        var primitive = Integer(type);
        if (primitive.Kind == PlcPrimitiveKind.SignedInteger)
        {
            long value = ReadSigned(slot, type);
            return value >= 0 ? (ulong)value : throw new OverflowException($"{value} ({type.Name}) is negative");
        }
        return ReadBits(slot, primitive.Size);
    }

    public static double ReadReal(ReadOnlySpan<byte> slot, PlcType type)
    {
        Expect(type, PlcPrimitiveKind.Real);
        return type.Size == 4 ? BinaryPrimitives.ReadSingleLittleEndian(slot) : BinaryPrimitives.ReadDoubleLittleEndian(slot);
    }

    public static string ReadString(ReadOnlySpan<byte> slot, PlcType type)
    {
        if (type is not PlcStringType s)
            throw new ArgumentException($"{type.Name} is not a STRING type");
        if (!s.IsWide)
            return Protocol.AdsString.Read(slot[..type.Size]);
        var chars = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = (char)BinaryPrimitives.ReadUInt16LittleEndian(slot[(2 * i)..]);
            if (c == 0)
                break;
            chars.Append(c);
        }
        return chars.ToString();
    }

    private static PlcPrimitiveType Integer(PlcType type) =>
        type is PlcPrimitiveType { Kind: PlcPrimitiveKind.SignedInteger or PlcPrimitiveKind.UnsignedInteger } p
            ? p
            : throw new ArgumentException($"{type.Name} is not an integer type");

    private static void Expect(PlcType type, PlcPrimitiveKind kind)
    {
        if (type is not PlcPrimitiveType p || p.Kind != kind)
            throw new ArgumentException($"{type.Name} is not a {kind} type");
    }

    private static void WriteBits(Span<byte> slot, int size, ulong bits)
    {
        for (int i = 0; i < size; i++)
            slot[i] = (byte)(bits >> (8 * i));
    }

    private static ulong ReadBits(ReadOnlySpan<byte> slot, int size)
    {
        ulong bits = 0;
        for (int i = 0; i < size; i++)
            bits |= (ulong)slot[i] << (8 * i);
        return bits;
    }
}
