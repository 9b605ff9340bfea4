using System.Buffers;
using System.IO.Pipelines;
using System.Threading.Channels;

namespace Edge.Ads.Server.Transport;

/// <summary>
/// Frames waiting to go to one peer, written by one loop (responses and notifications come from
/// different threads). Bounded in bytes: above the limit, answers wait (so a peer that does not
/// read stops being read) and notifications are dropped. One frame larger than the limit still
/// passes when the queue is empty.
/// </summary>
internal sealed class AmsOutbox(long maxQueuedBytes)
{
    private readonly Channel<byte[]> _frames = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _drained = new(0);
    private long _queuedBytes;

    public long QueuedBytes => Interlocked.Read(ref _queuedBytes);

    /// <summary>Queues an answer, waiting while the queue is over its limit.</summary>
    public async ValueTask EnqueueAsync(byte[] frame, CancellationToken cancellationToken)
    {
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
        var reader = _frames.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            long written = 0;
            while (reader.TryRead(out var frame))
            {
                output.Write(frame);
                written += frame.Length;
            }
            var flush = await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _queuedBytes, -written);
            if (_drained.CurrentCount == 0)
                _drained.Release();
            if (flush.IsCompleted)
                break;
        }
    }
}
