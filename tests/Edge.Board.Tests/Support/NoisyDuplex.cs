using System.Buffers;
using System.IO.Pipelines;
using Edge.Board.Link;

namespace Edge.Board.Tests.Support;

/// <summary>
/// Two connected in-memory streams, host and board, with <see cref="LineNoise"/> on each
/// direction: a serial cable in a noisy cabinet, without the cable. With a <see cref="LinkActivity"/>
/// it reports what it carries (bytes counted as sent after the noise, before the far end can read
/// them; counted as received before the reader gets them) and when each end's reader asks for more.
/// </summary>
internal sealed class NoisyDuplex : IAsyncDisposable
{
    private readonly Pipe _toBoard = new();
    private readonly Pipe _toHost = new();

    public NoisyDuplex(double rate, int seed, bool perFrame = false, LinkActivity? activity = null)
    {
        HostNoise = new LineNoise(rate, seed, perFrame);
        BoardNoise = new LineNoise(rate, seed + 1, perFrame);
        Host = new NoisyEnd(_toHost.Reader.AsStream(), _toBoard.Writer, HostNoise, () => Silent, activity, LineDirection.ToHost, LineDirection.ToBoard);
        Board = new NoisyEnd(_toBoard.Reader.AsStream(), _toHost.Writer, BoardNoise, () => Silent, activity, LineDirection.ToBoard, LineDirection.ToHost);
    }

    /// <summary>Noise on what the host sends.</summary>
    public LineNoise HostNoise { get; }

    /// <summary>Noise on what the board sends.</summary>
    public LineNoise BoardNoise { get; }

    public Stream Host { get; }

    /// <summary>The far end lost power: from now on nothing gets through in either direction, and nothing closes (a half-open link).</summary>
    public bool Silent { get; set; }

    public Stream Board { get; }

    public async ValueTask DisposeAsync()
    {
        await _toBoard.Writer.CompleteAsync();
        await _toHost.Writer.CompleteAsync();
    }

    private sealed class NoisyEnd(Stream incoming, PipeWriter outgoing, LineNoise noise, Func<bool> silent,
        LinkActivity? activity, LineDirection reads, LineDirection writes) : Stream
    {
        private readonly object _gate = new();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            activity?.ReaderWaits(reads);
            return Received(incoming.Read(buffer, offset, count));
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            activity?.ReaderWaits(reads);
            return Received(await incoming.ReadAsync(buffer, cancellationToken));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Received(int read)
        {
            activity?.LineReceived(reads, read);
            return read;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (silent()) return;
            lock (_gate)
            {
                var arrived = noise.Transmit(buffer.AsSpan(offset, count));
                activity?.LineSent(writes, arrived.Length);
                outgoing.Write(arrived.AsSpan());
                outgoing.FlushAsync().AsTask().GetAwaiter().GetResult();
            }
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.ToArray(), 0, buffer.Length);
            await Task.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
