namespace Edge.Transport.Unix;

/// <summary>
/// A non-blocking file descriptor (the pty master) as a Stream. Reads and writes wait with poll()
/// in short slices, so cancellation and disposal interrupt them: a blocked read() on a terminal
/// is not woken by close() from another thread. A hang-up (EIO, POLLHUP) reads as end of stream.
/// </summary>
internal sealed unsafe class FileDescriptorStream : Stream
{
    private const int SliceMilliseconds = 50;

    private readonly bool ownsDescriptor;
    private int descriptor;

    public FileDescriptorStream(int descriptor, bool ownsDescriptor)
    {
        this.descriptor = descriptor;
        this.ownsDescriptor = ownsDescriptor;
        int flags = LibC.Control(descriptor, LibC.GetFlags, 0);
        if (flags < 0 || LibC.Control(descriptor, LibC.SetFlags, flags | LibC.NonBlocking) < 0) throw LibC.Failure("fcntl(O_NONBLOCK)");
    }

    public override bool CanRead => descriptor >= 0;

    public override bool CanWrite => descriptor >= 0;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => ReadCore(buffer, CancellationToken.None);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Data already waiting: answer synchronously; otherwise wait on a pool thread.
        int ready = TryRead(buffer.Span);
        if (ready >= 0) return ValueTask.FromResult(ready);
        return new ValueTask<int>(Task.Run(() => ReadCore(buffer.Span, cancellationToken), cancellationToken));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => WriteCore(buffer, CancellationToken.None);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int written = TryWrite(buffer.Span);
        if (written == buffer.Length) return ValueTask.CompletedTask;
        var rest = buffer[Math.Max(written, 0)..];
        return new ValueTask(Task.Run(() => WriteCore(rest.Span, cancellationToken), cancellationToken));
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        int fd = Interlocked.Exchange(ref descriptor, -1);
        if (fd >= 0 && ownsDescriptor) LibC.Close(fd);
        base.Dispose(disposing);
    }

    private int ReadCore(Span<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            int got = TryRead(buffer);
            if (got >= 0) return got;
            WaitFor(LibC.PollIn, cancellationToken);
        }
    }

    /// <summary>Bytes read, 0 at hang-up, -1 when nothing is waiting.</summary>
    private int TryRead(Span<byte> buffer)
    {
        int fd = Descriptor();
        if (buffer.IsEmpty) return 0;
        while (true)
        {
            nint n;
            fixed (byte* p = buffer) n = LibC.Read(fd, p, buffer.Length);
            if (n >= 0) return (int)n;
            int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            if (errno == LibC.Interrupted) continue;
            if (errno == LibC.WouldBlock) return -1;
            if (errno == LibC.IoError) return 0;
            throw LibC.Failure("read from pseudo-terminal");
        }
    }

    private void WriteCore(ReadOnlySpan<byte> buffer, CancellationToken cancellationToken)
    {
        while (!buffer.IsEmpty)
        {
            int written = TryWrite(buffer);
            if (written > 0) buffer = buffer[written..];
            else WaitFor(LibC.PollOut, cancellationToken);
        }
    }

    /// <summary>Bytes written, 0 when the kernel buffer is full.</summary>
    private int TryWrite(ReadOnlySpan<byte> buffer)
    {
        int fd = Descriptor();
        while (true)
        {
            nint n;
            fixed (byte* p = buffer) n = LibC.Write(fd, p, buffer.Length);
            if (n >= 0) return (int)n;
            int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            if (errno == LibC.Interrupted) continue;
            if (errno == LibC.WouldBlock) return 0;
            throw LibC.Failure("write to pseudo-terminal");
        }
    }

    private void WaitFor(short events, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var poll = new LibC.PollDescriptor { Descriptor = Descriptor(), Events = events };
            int n = LibC.Poll(&poll, 1, SliceMilliseconds);
            if (n < 0 && System.Runtime.InteropServices.Marshal.GetLastPInvokeError() != LibC.Interrupted) throw LibC.Failure("poll on pseudo-terminal");
            if (n > 0) return; // ready, or an error/hang-up the next read or write reports
        }
    }

    private int Descriptor()
    {
        int fd = descriptor;
        ObjectDisposedException.ThrowIf(fd < 0, this);
        return fd;
    }
}
