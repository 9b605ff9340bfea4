using Edge.Device.Board;

namespace Edge.Board.Simulation;

/// <summary>
/// The board's <see cref="ITransport"/> over a host stream (a socket, a pseudo-terminal): a
/// background reader fills a receive buffer the board polls without waiting, as a UART driver's
/// receive buffer does; what the board writes collects in a transmit buffer that the loop sends
/// with <see cref="Flush"/> after each poll (a UART's transmit FIFO, without the baud rate). The
/// port can be re-attached to a new stream when a host reconnects.
/// </summary>
public sealed class StreamPort : ITransport, IDisposable
{
    private readonly object _gate = new();
    private readonly object _sending = new();
    private byte[] _received = new byte[64 * 1024];
    private int _receivedStart;
    private int _receivedCount;
    private byte[] _transmit = new byte[16 * 1024];
    private int _transmitCount;
    private Stream? _stream;
    private CancellationTokenSource? _readerStop;

    /// <summary>Signalled when bytes arrive, so the board's loop can sleep while idle.</summary>
    public AutoResetEvent DataArrived { get; } = new(false);

    /// <summary>Called on the reader as bytes arrive (after they are in the receive buffer): the board may serve them at once.</summary>
    public Action? Received { get; set; }

    public bool Attached { get { lock (_gate) return _stream is not null; } }

    /// <summary>Starts serving a stream; returns a task that completes when it closes.</summary>
    public Task Attach(Stream stream)
    {
        var stop = new CancellationTokenSource();
        lock (_gate)
        {
            _stream = stream;
            _readerStop = stop;
            _receivedStart = _receivedCount = 0;
        }
        lock (_sending) _transmitCount = 0;
        return Task.Run(() => ReadLoop(stream, stop.Token));
    }

    public void Detach()
    {
        lock (_gate)
        {
            _readerStop?.Cancel();
            _stream = null;
            _receivedStart = _receivedCount = 0;
        }
    }

    private async Task ReadLoop(Stream stream, CancellationToken stop)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                int read = await stream.ReadAsync(buffer, stop).ConfigureAwait(false);
                if (read == 0) break;
                lock (_gate) Append(buffer, read);
                DataArrived.Set();
                Received?.Invoke();
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

    // Caller holds _gate. The buffer grows rather than drop bytes: a real UART would overrun, but
    // losing bytes here would test the host against a fault nobody asked for.
    private void Append(byte[] data, int count)
    {
        if (_receivedStart + _receivedCount + count > _received.Length)
        {
            var target = _receivedCount + count > _received.Length ? new byte[Math.Max(_received.Length * 2, _receivedCount + count)] : _received;
            Array.Copy(_received, _receivedStart, target, 0, _receivedCount);
            _received = target;
            _receivedStart = 0;
        }
        Array.Copy(data, 0, _received, _receivedStart + _receivedCount, count);
        _receivedCount += count;
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        lock (_gate)
        {
            int n = Math.Min(count, _receivedCount);
            Array.Copy(_received, _receivedStart, buffer, offset, n);
            _receivedStart += n;
            _receivedCount -= n;
            if (_receivedCount == 0) _receivedStart = 0;
            return n;
        }
    }

    /// <summary>Queues bytes for the host; <see cref="Flush"/> sends them.</summary>
    public void Write(byte[] buffer, int offset, int count)
    {
        lock (_sending)
        {
            if (_transmitCount + count > _transmit.Length) Array.Resize(ref _transmit, Math.Max(_transmit.Length * 2, _transmitCount + count));
            Array.Copy(buffer, offset, _transmit, _transmitCount, count);
            _transmitCount += count;
        }
    }

    /// <summary>Sends what the board wrote since the last flush (the loop calls it after every poll).</summary>
    public void Flush()
    {
        Stream? stream;
        lock (_gate) stream = _stream;
        lock (_sending)
        {
            if (_transmitCount == 0) return;
            int count = _transmitCount;
            _transmitCount = 0;
            if (stream is null) return; // nobody connected: bytes on an unplugged UART are lost
            try
            {
                stream.Write(_transmit, 0, count);
                stream.Flush();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
            {
                Detach();
            }
        }
    }

    public void Dispose()
    {
        Detach();
        DataArrived.Dispose();
    }
}
