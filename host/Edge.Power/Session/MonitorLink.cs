using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Edge.Power.Errors;
using Edge.Power.Protocol;
using Edge.Transport;

namespace Edge.Power.Session;

/// <summary>
/// The byte-level link to a monitor: a pump copies everything the transport receives into a pipe,
/// so timeouts only ever cancel a wait on the pipe, never a read on the port (which some
/// transports do not survive), and a closed or failing port shows up as the end of the pipe with
/// its cause kept for the error message. One reader at a time (the session sees to it); writes
/// are serialised.
/// </summary>
internal sealed class MonitorLink : IAsyncDisposable
{
    private const int MaxLineLength = 512;

    private readonly IByteTransport transport;
    private readonly Pipe pipe = new(new PipeOptions(pauseWriterThreshold: 4 << 20, resumeWriterThreshold: 2 << 20, useSynchronizationContext: false));
    private readonly CancellationTokenSource closing = new();
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly TimeProvider time;
    private readonly LineActivity? activity;
    private readonly Task pump;
    private Exception? failure;

    /// <param name="time">The clock of every timeout and quiet period on this link.</param>
    /// <param name="activity">Test hook: reports writes, receipts and waits (see <see cref="LineActivity"/>).</param>
    public MonitorLink(IByteTransport transport, TimeProvider time, LineActivity? activity = null)
    {
        this.transport = transport;
        this.time = time;
        this.activity = activity;
        pump = Task.Run(PumpAsync);
    }

    public string Description => transport.Description;

    public PipeReader Reader => pipe.Reader;

    /// <summary>The error for a link that ended; <paramref name="during"/> says what was going on.</summary>
    public MonitorDisconnectedException Disconnected(string during)
    {
        string reason = failure switch
        {
            null or EndOfStreamException => "the other end closed the connection",
            ObjectDisposedException => "the port was closed (device unplugged?)",
            _ => failure.Message,
        };
        return new MonitorDisconnectedException($"Lost the connection to the monitor at {Description} {during}: {reason}.", failure);
    }

    public async Task WriteLineAsync(string text, string terminator, CancellationToken cancellationToken)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text + terminator);
        await writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await transport.Stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await transport.Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            activity?.DriverWrote(bytes.Length);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException)
        {
            failure ??= e;
            throw Disconnected($"while sending '{text}'");
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>The next chunk of received bytes, or null if none came within <paramref name="timeout"/>.</summary>
    public async ValueTask<ReadResult?> ReadAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var pending = pipe.Reader.ReadAsync(deadline.Token);
        if (activity is null) return await AwaitReadAsync(pending, cancellationToken).ConfigureAwait(false);
        if (pending.IsCompleted) return await AwaitReadAsync(pending, cancellationToken).ConfigureAwait(false);
        activity.DriverWaits();
        // The timeout ends the wait as it fires (inside a fake clock's Advance), before the reader resumes.
        using var timedOut = timer.Token.Register(activity.DriverStopsWaiting);
        try
        {
            return await AwaitReadAsync(pending, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            activity.DriverStopsWaiting();
        }
    }

    private static async ValueTask<ReadResult?> AwaitReadAsync(ValueTask<ReadResult> pending, CancellationToken cancellationToken)
    {
        try
        {
            return await pending.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// The next line without its terminator, or null at the timeout. A run longer than
    /// <see cref="MaxLineLength"/> without a newline is returned as a line of its own (it is garbage).
    /// </summary>
    public async Task<string?> ReadLineAsync(TimeSpan timeout, string during, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero) return null;
            var read = await ReadAsync(remaining, cancellationToken).ConfigureAwait(false);
            if (read is null) return null;
            var buffer = read.Value.Buffer;
            var newline = buffer.PositionOf((byte)'\n');
            if (newline is not null)
            {
                string line = Encoding.ASCII.GetString(buffer.Slice(0, newline.Value));
                pipe.Reader.AdvanceTo(buffer.GetPosition(1, newline.Value));
                return line;
            }
            if (buffer.Length >= MaxLineLength)
            {
                string chunk = Encoding.ASCII.GetString(buffer.Slice(0, MaxLineLength));
                pipe.Reader.AdvanceTo(buffer.GetPosition(MaxLineLength));
                return chunk;
            }
            if (read.Value.IsCompleted)
            {
                pipe.Reader.AdvanceTo(buffer.End);
                throw Disconnected(during);
            }
            pipe.Reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Consumes an empty line (`\r\n`) if one arrives within <paramref name="wait"/>; leaves anything else untouched.</summary>
    public async Task SkipBlankLineAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            var remaining = deadline - time.GetUtcNow();
            var read = remaining > TimeSpan.Zero ? await ReadAsync(remaining, cancellationToken).ConfigureAwait(false) : null;
            if (read is null) return;
            var buffer = read.Value.Buffer;
            byte first = buffer.Length > 0 ? buffer.FirstSpan[0] : (byte)0;
            if (buffer.Length >= 1 && first == '\n')
            {
                pipe.Reader.AdvanceTo(buffer.GetPosition(1));
                return;
            }
            if (buffer.Length >= 2 && first == '\r' && buffer.Slice(1, 1).FirstSpan[0] == '\n')
            {
                pipe.Reader.AdvanceTo(buffer.GetPosition(2));
                return;
            }
            bool mayBecomeBlank = buffer.Length == 1 && first == '\r';
            if (!mayBecomeBlank || read.Value.IsCompleted)
            {
                pipe.Reader.AdvanceTo(buffer.Start);
                return;
            }
            pipe.Reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>
    /// Discards input until the line has been silent for <paramref name="quiet"/>, for at most
    /// <paramref name="limit"/>. Returns the bytes discarded and whether the line fell silent.
    /// </summary>
    public async Task<(long Bytes, bool Silent)> DrainAsync(TimeSpan quiet, TimeSpan limit, CancellationToken cancellationToken)
    {
        long drained = 0;
        var deadline = time.GetUtcNow() + limit;
        while (time.GetUtcNow() < deadline)
        {
            var read = await ReadAsync(quiet, cancellationToken).ConfigureAwait(false);
            if (read is null) return (drained, true);
            drained += read.Value.Buffer.Length;
            pipe.Reader.AdvanceTo(read.Value.Buffer.End);
            if (read.Value.IsCompleted) throw Disconnected("while clearing stale input");
        }
        return (drained, false);
    }

    /// <summary>Sends a command and collects the lines that answer it (see <see cref="ReplyAssembler"/>).</summary>
    public async Task<ReplyAssembler> ExchangeAsync(PowerCommand command, ReplyRules rules, string terminator, TimeSpan timeout, bool completeOnAck, CancellationToken cancellationToken)
    {
        // Once acked or rejected, the rest of the block (detail, blank line) must follow promptly.
        var answerGrace = TimeSpan.FromMilliseconds(300);
        var assembler = new ReplyAssembler(command, rules);
        await WriteLineAsync(command.Text, terminator, cancellationToken).ConfigureAwait(false);
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero) break;
            string? line = await ReadLineAsync(remaining, $"while waiting for the answer to '{command.Text}'", cancellationToken).ConfigureAwait(false);
            if (line is null) break;
            var status = assembler.Add(line);
            if (status == ReplyStatus.Complete || assembler.Unreadable) break;
            if (status == ReplyStatus.Answered)
            {
                if (completeOnAck && !assembler.Rejected) break;
                var graceEnd = time.GetUtcNow() + answerGrace;
                if (graceEnd < deadline) deadline = graceEnd;
            }
        }
        return assembler;
    }

    public async ValueTask DisposeAsync()
    {
        closing.Cancel();
        await transport.DisposeAsync().ConfigureAwait(false);
        try
        {
            await pump.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A transport whose read ignores cancellation and close; the pump ends with the process.
        }
        await pipe.Reader.CompleteAsync().ConfigureAwait(false);
        closing.Dispose();
        writeLock.Dispose();
    }

    private async Task PumpAsync()
    {
        var writer = pipe.Writer;
        try
        {
            while (true)
            {
                var memory = writer.GetMemory(16 * 1024);
                int received = await transport.Stream.ReadAsync(memory, closing.Token).ConfigureAwait(false);
                if (received == 0)
                {
                    failure ??= new EndOfStreamException("end of stream");
                    break;
                }
                writer.Advance(received);
                // Counted before the flush hands the bytes to the reader: counted after it, a reader that took
                // them and began its next wait would record the old count, and the line would never look quiet.
                activity?.DriverReceived(received);
                var flushed = await writer.FlushAsync(closing.Token).ConfigureAwait(false);
                if (flushed.IsCompleted) break;
            }
        }
        catch (Exception e)
        {
            failure ??= e;
        }
        await writer.CompleteAsync().ConfigureAwait(false);
    }
}
