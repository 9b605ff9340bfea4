using System.Buffers;
using System.Buffers.Binary;

namespace Edge.Ads.Framing;

/// <summary>
/// A growable little-endian byte buffer for building frames and payloads. Besides
/// <see cref="IBufferWriter{T}"/> it can go back: patch a length written earlier
/// (<see cref="PatchUInt32"/>) and drop what a failed step wrote (<see cref="Truncate"/>).
/// Not thread-safe: one writer per connection or per call.
/// </summary>
public sealed class AdsBufferWriter : IBufferWriter<byte>
{
    private byte[] _buffer;
    private int _position;

    public AdsBufferWriter(int initialCapacity = 256) =>
        _buffer = new byte[Math.Max(16, initialCapacity)];

    /// <summary>Bytes written so far; also the position of the next byte.</summary>
    public int Position => _position;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _position);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _position);

    public void Clear() => _position = 0;

    /// <summary>Forgets everything written after <paramref name="position"/>.</summary>
    public void Truncate(int position)
    {
        if ((uint)position > (uint)_position)
            throw new ArgumentOutOfRangeException(nameof(position), $"cannot truncate to {position}: only {_position} bytes written");
        _position = position;
    }

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void Advance(int count)
    {
        if (count < 0 || _position + count > _buffer.Length)
            throw new ArgumentOutOfRangeException(nameof(count));
        _position += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_position);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_position);
    }

    /// <summary>Reserves <paramref name="count"/> bytes and returns them; valid until the next write.</summary>
    public Span<byte> Allocate(int count)
    {
        Ensure(count);
        var span = _buffer.AsSpan(_position, count);
        _position += count;
        return span;
    }

    public void WriteByte(byte value) => Allocate(1)[0] = value;

    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Allocate(2), value);

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Allocate(4), value);

    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Allocate(4), value);

    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Allocate(8), value);

    public void Write(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Allocate(bytes.Length));

    public void WriteZeros(int count) => Allocate(count).Clear();

    /// <summary>Overwrites 4 bytes written earlier, at <paramref name="position"/>.</summary>
    public void PatchUInt32(int position, uint value)
    {
        if (position < 0 || position + 4 > _position)
            throw new ArgumentOutOfRangeException(nameof(position));
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(position), value);
    }

    /// <summary>Overwrites 2 bytes written earlier, at <paramref name="position"/>.</summary>
    public void PatchUInt16(int position, ushort value)
    {
        if (position < 0 || position + 2 > _position)
            throw new ArgumentOutOfRangeException(nameof(position));
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(position), value);
    }

    private void Ensure(int sizeHint)
    {
        int needed = _position + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
            return;
        int size = Math.Max(needed, _buffer.Length * 2);
        Array.Resize(ref _buffer, size);
    }
}
