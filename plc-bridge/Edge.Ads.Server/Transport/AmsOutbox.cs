using System.Buffers;
using System.IO.Pipelines;
using System.Threading.Channels;

namespace Edge.Ads.Server.Transport;

/// <summary>
/// Frames waiting to go to one peer. Answers come from the connection's read loop, notifications
/// from its sampler; one writer at a time touches the socket. When nothing is queued an answer is
/// written at once by its own thread (no hop to the writer loop); otherwise frames queue in order.
/// Bounded in bytes: above the limit answers wait (so a peer that does not read stops being read)
/// and notifications are dropped. One frame larger than the limit still passes an empty queue.
/// </summary>
internal sealed class AmsOutbox(long maxQueuedBytes)
{
    private readonly Channel<byte[]> _frames = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _drained = new(0);
    private readonly SemaphoreSlim _writing = new(1, 1);
    private PipeWriter? _output;
    private long _queuedBytes;

    public long QueuedBytes => Interlocked.Read(ref _queuedBytes);

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
                    output.Write(frame);
                    await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }
            }
            finally
            {
                _writing.Release();
            }
        }
        while (QueuedBytes > 0 && QueuedBytes + frame.Length > maxQueuedBytes)
            await _drained.WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _queuedBytes, frame.Length);
        if (!_frames.Writer.TryWrite(frame))
            Interlocked.Add(ref _queuedBytes, -frame.Length); // closed: the connection is going away
    }

    /// <summary>Queues a notification unless the queue is over its limit.</summary>
    public bool TryEnqueue(byte[] frame)
    {
        if (QueuedBytes > 0 && QueuedBytes + frame.Length > maxQueuedBytes)
            return false;
        Interlocked.Add(ref _queuedBytes, frame.Length);
        if (_frames.Writer.TryWrite(frame))
            return true;
        Interlocked.Add(ref _queuedBytes, -frame.Length);
        return false;
    }

    /// <summary>No more frames; <see cref="RunAsync"/> ends after writing what is queued.</summary>
    public void Complete() => _frames.Writer.TryComplete();

    /// <summary>Writes queued frames to <paramref name="output"/>, several per flush when they queue up.</summary>
    public async Task RunAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        _output = output;
        var reader = _frames.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
            FlushResult flush;
            try
            {
                long written = 0;
                while (reader.TryRead(out var frame))
                {
                    output.Write(frame);
                    written += frame.Length;
                }
                flush = await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                Interlocked.Add(ref _queuedBytes, -written);
            }
            finally
            {
                _writing.Release();
            }
            if (_drained.CurrentCount == 0)
                _drained.Release();
            if (flush.IsCompleted)
                break;
        }
    }
}
