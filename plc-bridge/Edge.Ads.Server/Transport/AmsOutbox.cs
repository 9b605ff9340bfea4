using System.Buffers;
using System.IO.Pipelines;
using System.Threading.Channels;

namespace Edge.Ads.Server.Transport;

/// <summary>
/// Frames waiting to go to one peer. Answers come from the connection's read loop, notifications
/// from its sampler; one writer at a time touches the socket. When nothing is queued an answer is
/// written at once by its own thread (no hop to the writer loop); otherwise frames queue in order.
/// Bounded in bytes: above the limit answers wait (so a peer that does not read stops being read)
/// and notifications are refused (the sampler counts them as dropped). One frame larger than the
/// limit still passes an empty queue. It also says since when data has waited without the peer
/// taking any (the send timeout) and when the peer last took some (the idle timeout).
/// </summary>
internal sealed class AmsOutbox
{
    private readonly Channel<byte[]> _frames = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _drained = new(0);
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly TimeProvider _time;
    private PipeWriter? _output;
    private long _queuedBytes;
    private long _waitingSince;
    private long _lastSent;

    public AmsOutbox(long maxQueuedBytes, TimeProvider time)
    {
        MaxQueuedBytes = maxQueuedBytes;
        _time = time;
        _lastSent = time.GetTimestamp();
    }

    public long MaxQueuedBytes { get; }

    /// <summary>Bytes queued or being written and not yet taken by the socket.</summary>
    public long QueuedBytes => Interlocked.Read(ref _queuedBytes);

    /// <summary>Timestamp since which data has waited for the peer without a write completing; 0 when nothing waits.</summary>
    public long WaitingSince => Interlocked.Read(ref _waitingSince);

    /// <summary>Timestamp of the last completed write (the start, before any).</summary>
    public long LastSent => Interlocked.Read(ref _lastSent);

    /// <summary>Whether a frame of <paramref name="bytes"/> would be queued now.</summary>
    public bool HasRoomFor(int bytes)
    {
        long queued = QueuedBytes;
        return queued == 0 || queued + bytes <= MaxQueuedBytes;
    }

    /// <summary>Sends or queues an answer, waiting while the queue is over its limit.</summary>
    public async ValueTask EnqueueAsync(byte[] frame, CancellationToken cancellationToken)
    {
        if (_output is { } output && QueuedBytes == 0 && _writing.Wait(0))
        {
            try
            {
                // Counted before any frame enters the channel, so 0 here means nothing is queued.
                if (QueuedBytes == 0)
                {
                    Interlocked.Add(ref _queuedBytes, frame.Length); // waiting too, until the peer takes it
                    StartWaiting();
                    try
                    {
                        output.Write(frame);
                        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        Interlocked.Add(ref _queuedBytes, -frame.Length);
                    }
                    Sent();
                    return;
                }
            }
            finally
            {
                _writing.Release();
            }
        }
        while (!HasRoomFor(frame.Length))
            await _drained.WaitAsync(cancellationToken).ConfigureAwait(false);
        Queue(frame);
    }

    /// <summary>Queues a notification frame unless the queue is over its limit.</summary>
    public bool TryEnqueue(byte[] frame) => HasRoomFor(frame.Length) && Queue(frame);

    /// <summary>No more frames; <see cref="RunAsync"/> ends after writing what is queued.</summary>
    public void Complete() => _frames.Writer.TryComplete();

    /// <summary>
    /// Writes queued frames to <paramref name="output"/>, several per flush when they queue up, but
    /// flushing at least every <see cref="FlushChunk"/> bytes, so a slow but steady reader shows
    /// progress well within the send timeout.
    /// </summary>
    public async Task RunAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        _output = output;
        var reader = _frames.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
            bool completed = false;
            try
            {
                long written = 0;
                while (!completed && reader.TryRead(out var frame))
                {
                    output.Write(frame);
                    written += frame.Length;
                    if (written >= FlushChunk)
                    {
                        completed = await FlushAsync(output, written, cancellationToken).ConfigureAwait(false);
                        written = 0;
                    }
                }
                if (written > 0 && !completed)
                    completed = await FlushAsync(output, written, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _writing.Release();
            }
            if (_drained.CurrentCount == 0)
                _drained.Release();
            if (completed)
                break;
        }
    }

    /// <summary>Bytes written between flushes at most (one larger frame goes whole).</summary>
    public const int FlushChunk = 64 * 1024;

    private async ValueTask<bool> FlushAsync(PipeWriter output, long written, CancellationToken cancellationToken)
    {
        var flush = await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _queuedBytes, -written);
        Sent();
        return flush.IsCompleted;
    }

    private bool Queue(byte[] frame)
    {
        Interlocked.Add(ref _queuedBytes, frame.Length);
        if (_frames.Writer.TryWrite(frame))
        {
            StartWaiting();
            return true;
        }
        Interlocked.Add(ref _queuedBytes, -frame.Length); // closed: the connection is going away
        return false;
    }

    private void StartWaiting() => Interlocked.CompareExchange(ref _waitingSince, _time.GetTimestamp(), 0);

    // The peer took data: the wait starts again for whatever is still queued. Queue() adds its bytes
    // before StartWaiting(), so a frame queued while this runs is never left without a start.
    private void Sent()
    {
        long now = _time.GetTimestamp();
        Interlocked.Exchange(ref _lastSent, now);
        Interlocked.Exchange(ref _waitingSince, 0);
        if (QueuedBytes > 0)
            Interlocked.CompareExchange(ref _waitingSince, now, 0);
    }
}
