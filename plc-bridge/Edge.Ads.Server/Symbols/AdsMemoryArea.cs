using System.Buffers;
using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Types;

namespace Edge.Ads.Server.Symbols;

/// <summary>
/// The bytes of one data index group, like a PLC's memory area: symbols are views into it, and a
/// client may read any part of it (a PLC reads a whole board STRUCT with one ADSREAD). Every access
/// takes the lock, so readers never see half an update.
/// </summary>
internal sealed class AdsMemoryArea(uint indexGroup)
{
    /// <summary>Largest area: keeps a mistaken offset from allocating gigabytes.</summary>
    public const int MaxSize = 16 * 1024 * 1024;

    private readonly Lock _lock = new();
    private byte[] _bytes = [];

    public uint IndexGroup { get; } = indexGroup;

    /// <summary>Makes the area at least <paramref name="size"/> bytes; new bytes are 0.</summary>
    public void Grow(int size)
    {
        if (size > MaxSize)
            throw new ArgumentOutOfRangeException(nameof(size), $"index group 0x{IndexGroup:X} would grow to {size} bytes; the limit is {MaxSize}");
        lock (_lock)
        {
            if (size > _bytes.Length)
                Array.Resize(ref _bytes, size);
        }
    }

    /// <summary>Appends <paramref name="length"/> bytes from <paramref name="offset"/>; the range must lie inside the area.</summary>
    public AdsErrorCode Read(uint offset, uint length, AdsBufferWriter output)
    {
        lock (_lock)
        {
            var error = Check(offset, length);
            if (error == AdsErrorCode.NoError)
                output.Write(_bytes.AsSpan((int)offset, (int)length));
            return error;
        }
    }

    public void Read(int offset, Span<byte> destination)
    {
        lock (_lock)
            _bytes.AsSpan(offset, destination.Length).CopyTo(destination);
    }

    /// <summary>Checks a client's range: 0x703 when it starts outside, 0x705 when it runs past the end.</summary>
    public AdsErrorCode Check(uint offset, uint length)
    {
        lock (_lock)
        {
            if (offset > (uint)_bytes.Length)
                return AdsErrorCode.DeviceInvalidOffset;
            if ((ulong)offset + length > (ulong)_bytes.Length)
                return AdsErrorCode.DeviceInvalidSize;
            return AdsErrorCode.NoError;
        }
    }

    /// <summary>Copies <paramref name="data"/> in; true when any byte changed.</summary>
    public bool Write(int offset, ReadOnlySpan<byte> data)
    {
        lock (_lock)
        {
            var target = _bytes.AsSpan(offset, data.Length);
            if (target.SequenceEqual(data))
                return false;
            data.CopyTo(target);
            return true;
        }
    }

    /// <summary>
    /// Runs <paramref name="update"/> on the bytes under the lock; if it throws, the old bytes are
    /// restored. True when any byte changed.
    /// </summary>
    public bool Update(int offset, int length, SymbolUpdate update)
    {
        byte[] before = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            lock (_lock)
            {
                var value = _bytes.AsSpan(offset, length);
                value.CopyTo(before);
                try
                {
                    update(new PlcValueWriter(value));
                }
                catch
                {
                    before.AsSpan(0, length).CopyTo(value);
                    throw;
                }
                return !value.SequenceEqual(before.AsSpan(0, length));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(before);
        }
    }
}
