using System.Buffers;
using System.IO.Pipelines;
using Edge.Ads.Ams;

namespace Edge.Ads.Framing;

/// <summary>
/// Cuts a byte stream into AMS/TCP frames. TCP splits and joins frames freely, so bytes are buffered
/// until the length in the 6-byte header is complete, but never more than <see cref="MaxFrameSize"/>:
/// a header that announces more is reported as <see cref="AmsFrameStatus.Oversized"/> at once,
/// before any of its payload is buffered. A frame that arrives in pieces is announced through the
/// optional callback when its first piece arrives, so a server can time out peers that never finish one.
/// </summary>
public sealed class AmsFrameReader
{
    private readonly PipeReader _reader;
    private readonly Action? _partialFrameStarted;
    private readonly byte[] _tcpHeader = new byte[AmsTcpHeader.Size];
    private byte[] _body = new byte[512];
    private long _pendingBytes;

    /// <param name="partialFrameStarted">Called when the first bytes of a frame arrived without the rest (once per such frame).</param>
    public AmsFrameReader(PipeReader reader, int maxFrameSize, Action? partialFrameStarted = null)
    {
        if (maxFrameSize < AmsFrame.HeaderSize)
            throw new ArgumentOutOfRangeException(nameof(maxFrameSize), $"a frame limit below {AmsFrame.HeaderSize} bytes cannot hold an AMS header");
        _reader = reader;
        MaxFrameSize = maxFrameSize;
        _partialFrameStarted = partialFrameStarted;
    }

    /// <summary>Largest frame accepted, AMS/TCP header included.</summary>
    public int MaxFrameSize { get; }

    /// <summary>Bytes of an incomplete frame received so far; 0 between frames.</summary>
    public long PendingBytes => Interlocked.Read(ref _pendingBytes);

    /// <summary>Reads the next frame. The returned body is reused by the next call.</summary>
    public async ValueTask<AmsFrameReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            ReadResult read = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = read.Buffer;

            if (buffer.Length >= AmsTcpHeader.Size)
            {
                buffer.Slice(0, AmsTcpHeader.Size).CopyTo(_tcpHeader);
                var header = AmsTcpHeader.Read(_tcpHeader);
                long frameSize = AmsTcpHeader.Size + (long)header.Length;
                if (frameSize > MaxFrameSize)
                {
                    int peek = (int)Math.Min(buffer.Length - AmsTcpHeader.Size, AmsHeader.Size);
                    var partial = Copy(buffer.Slice(AmsTcpHeader.Size, peek));
                    _reader.AdvanceTo(buffer.End);
                    return new AmsFrameReadResult(AmsFrameStatus.Oversized, header, partial, buffer.Length);
                }
                if (buffer.Length >= frameSize)
                {
                    var body = Copy(buffer.Slice(AmsTcpHeader.Size, header.Length));
                    _reader.AdvanceTo(buffer.GetPosition(frameSize));
                    Interlocked.Exchange(ref _pendingBytes, 0);
                    return new AmsFrameReadResult(AmsFrameStatus.Frame, header, body, frameSize);
                }
            }

            if (read.IsCompleted || read.IsCanceled)
            {
                long left = buffer.Length;
                _reader.AdvanceTo(buffer.End);
                if (read.IsCanceled)
                    throw new OperationCanceledException("frame read was cancelled");
                return left == 0
                    ? new AmsFrameReadResult(AmsFrameStatus.EndOfStream, default, default, 0)
                    : new AmsFrameReadResult(AmsFrameStatus.Truncated, default, default, left);
            }

            // Keep what we have, ask for more.
            if (buffer.Length > 0 && Interlocked.Exchange(ref _pendingBytes, buffer.Length) == 0)
                _partialFrameStarted?.Invoke();
            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private ReadOnlyMemory<byte> Copy(ReadOnlySequence<byte> source)
    {
        int length = (int)source.Length;
        if (_body.Length < length)
            _body = new byte[Math.Max(length, _body.Length * 2)];
        source.CopyTo(_body);
        return _body.AsMemory(0, length);
    }
}
