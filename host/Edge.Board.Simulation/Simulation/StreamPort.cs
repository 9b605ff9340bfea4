using Edge.Device.Board;

namespace Edge.Board.Simulation;

/// <summary>
/// The board's <see cref="ITransport"/> over a host stream (a socket, a pseudo-terminal): a
/// background reader fills a buffer the board polls without waiting, as a UART driver's receive
/// buffer does. The port can be re-attached to a new stream when a host reconnects.
/// </summary>
public sealed class StreamPort : ITransport, IDisposable
{
    private readonly object _gate = new();
    private readonly Queue<byte> _received = new();
    private Stream? _stream;
    private CancellationTokenSource? _readerStop;

    /// <summary>Signalled when bytes arrive, so the board's loop can sleep while idle.</summary>
    public AutoResetEvent DataArrived { get; } = new(false);

    public bool Attached { get { lock (_gate) return _stream is not null; } }

    /// <summary>Starts serving a stream; returns a task that completes when it closes.</summary>
    public Task Attach(Stream stream)
    {
        var stop = new CancellationTokenSource();
        lock (_gate)
        {
            _stream = stream;
            _readerStop = stop;
            _received.Clear();
        }
        return Task.Run(() => ReadLoop(stream, stop.Token));
    }

    public void Detach()
    {
        lock (_gate)
        {
            _readerStop?.Cancel();
            _stream = null;
            _received.Clear();
        }
    }

    private async Task ReadLoop(Stream stream, CancellationToken stop)
    {
        var buffer = new byte[4096];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                int read = await stream.ReadAsync(buffer, stop).ConfigureAwait(false);
                if (read == 0) break;
                lock (_gate)
                {
                    for (int i = 0; i < read; i++) _received.Enqueue(buffer[i]);
                }
                DataArrived.Set();
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
        lock (_gate)
        {
            if (ReferenceEquals(_stream, stream)) _stream = null;
        }
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        lock (_gate)
        {
            int n = Math.Min(count, _received.Count);
            for (int i = 0; i < n; i++) buffer[offset + i] = _received.Dequeue();
            return n;
        }
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        Stream? stream;
        lock (_gate) stream = _stream;
        if (stream is null) return; // nobody connected: bytes on an unplugged UART are lost
        try
        {
            stream.Write(buffer, offset, count);
            stream.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
        {
            Detach();
        }
    }

    public void Dispose()
    {
        Detach();
        DataArrived.Dispose();
    }
}
