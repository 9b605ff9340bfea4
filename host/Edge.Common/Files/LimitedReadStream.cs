namespace Edge.Common.Files;

/// <summary>
/// Reads through to a file and fails once more than a limit has been read. Only files that report
/// length 0 are counted (devices, pipes, /proc: their length says nothing); a regular file's length
/// was checked before opening, and a reader that seeks back (Parquet's footer) may read parts twice.
/// </summary>
internal sealed class LimitedReadStream(FileStream inner, long limit, Func<Exception> tooLarge) : Stream
{
    private readonly bool _lengthUnknown = !inner.CanSeek || inner.Length == 0;
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    private int Count(int n)
    {
        _read += n;
        if (_lengthUnknown && _read > limit) throw tooLarge();
        return n;
    }
}
