using Edge.Power.Acquisition;
using Edge.Power.Backends;
using Edge.Power.Errors;
using Edge.Power.Protocol;
using Microsoft.Extensions.Logging;

namespace Edge.Power.Session;

/// <summary>
/// A running acquisition: a background loop feeds received bytes through the decoder into the
/// sink until the monitor's end marker (acquisition time elapsed, or after <see cref="StopAsync"/>).
/// <see cref="Completion"/> fails with <see cref="MonitorDisconnectedException"/> when the link
/// drops and <see cref="AcquisitionStalledException"/> when the monitor falls silent; the samples
/// received until then have been delivered.
/// </summary>
public sealed class AcquisitionRun
{
    private readonly MonitorLink link;
    private readonly StreamDecoder decoder;
    private readonly ObservingSink sink;
    private readonly PowerMonitorOptions options;
    private readonly PowerMonitorBackend backend;
    private readonly Action onFinished;
    private readonly Lock stopGate = new();
    private bool stopRequested;
    private bool stopSent;
    private bool ended;
    private readonly Lock waitGate = new();
    private readonly List<(long Count, TaskCompletionSource<bool> Done)> waiters = [];
    private bool finished;

    internal AcquisitionRun(MonitorLink link, StreamDecoder decoder, IAcquisitionSink sink, AcquisitionSettings settings,
        PowerMonitorOptions options, PowerMonitorBackend backend, Action onFinished)
    {
        this.link = link;
        this.decoder = decoder;
        this.sink = new ObservingSink(sink);
        this.options = options;
        this.backend = backend;
        this.onFinished = onFinished;
        Settings = settings;
    }

    public AcquisitionSettings Settings { get; }

    /// <summary>Ends with the summary, or with the reason the acquisition failed.</summary>
    public Task<AcquisitionSummary> Completion { get; private set; } = Task.FromCanceled<AcquisitionSummary>(new CancellationToken(canceled: true));

    /// <summary>Samples decoded so far (for progress displays).</summary>
    public long SamplesSoFar => decoder.SampleCount;

    /// <summary>
    /// True once <paramref name="count"/> samples have been decoded; false when the acquisition
    /// ended (or failed: see <see cref="Completion"/>) with fewer. The decoding loop signals it: no polling.
    /// </summary>
    public Task<bool> SamplesAsync(long count, CancellationToken cancellationToken = default)
    {
        lock (waitGate)
        {
            if (decoder.SampleCount >= count) return Task.FromResult(true);
            if (finished) return Task.FromResult(false);
            var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Sends `stop` unless the acquisition already ended, then waits for the end.</summary>
    public async Task<AcquisitionSummary> StopAsync(CancellationToken cancellationToken = default)
    {
        bool send;
        lock (stopGate)
        {
            send = !ended && !stopRequested;
            stopRequested = true;
            stopSent |= send;
        }
        if (send && !Completion.IsCompleted)
        {
            try
            {
                await link.WriteLineAsync(PowerCommands.Stop.Text, backend.LineTerminator, cancellationToken).ConfigureAwait(false);
            }
            catch (MonitorDisconnectedException)
            {
                // The acquisition loop sees the same loss and reports it through Completion.
            }
        }
        return await Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    internal void Start() => Completion = Task.Run(RunAsync);

    private async Task<AcquisitionSummary> RunAsync()
    {
        try
        {
            var end = await DecodeUntilEndAsync().ConfigureAwait(false);
            lock (stopGate) ended = true;
            await DrainTrailingRepliesAsync().ConfigureAwait(false);
            return new AcquisitionSummary(Settings, decoder.Statistics, end, sink.Overcurrent, sink.TargetPoweredDown);
        }
        finally
        {
            lock (stopGate) ended = true;
            SignalWaiters(end: true);
            // Before Completion finishes, so the session accepts commands as soon as a caller sees the end.
            onFinished();
        }
    }

    private async Task<AcquisitionEnd> DecodeUntilEndAsync()
    {
        while (true)
        {
            bool stopping = Volatile.Read(ref stopRequested);
            var read = await link.ReadAsync(stopping ? options.StopQuietPeriod : options.StallTimeout, CancellationToken.None).ConfigureAwait(false);
            if (read is null)
            {
                if (stopping || Volatile.Read(ref stopRequested))
                {
                    decoder.Complete(sink);
                    options.Logger.LogWarning("{Monitor} sent no end-of-acquisition marker after stop; took {Quiet} ms of silence as the end", backend.Name, options.StopQuietPeriod.TotalMilliseconds);
                    return AcquisitionEnd.SilenceAfterStop;
                }
                decoder.Complete(sink);
                throw new AcquisitionStalledException(
                    $"{backend.Name} at {link.Description} sent nothing for {options.StallTimeout.TotalSeconds:0.###} s during the acquisition " +
                    $"({Progress()}). With a hardware trigger, the target may never have raised it.");
            }
            var buffer = read.Value.Buffer;
            long consumed = 0;
            foreach (var segment in buffer)
            {
                consumed += decoder.Decode(segment.Span, sink);
                if (decoder.Ended) break;
            }
            link.Reader.AdvanceTo(buffer.GetPosition(consumed));
            SignalWaiters(end: false);
            if (decoder.Ended) return AcquisitionEnd.EndMarker;
            if (read.Value.IsCompleted)
            {
                decoder.Complete(sink);
                throw link.Disconnected($"during the acquisition ({Progress()})");
            }
        }
    }

    /// <summary>
    /// After the end marker: the `stop` acknowledgement and, on the LPM01A, `Acquisition completed`
    /// are awaited (up to a second); then whatever else follows (summary lines) until a short
    /// silence. Anything later is harmless: the next command sets aside replies that are not its own.
    /// </summary>
    private async Task DrainTrailingRepliesAsync()
    {
        var quiet = TimeSpan.FromMilliseconds(30);
        bool sent;
        lock (stopGate) sent = stopSent;
        bool awaitStopAck = sent && !sink.StopAcknowledged;
        bool awaitCompletion = sent && backend.StopReportsCompletion && !sink.CompletionReported;
        var deadline = options.Time.GetUtcNow() + TimeSpan.FromSeconds(1);
        while (options.Time.GetUtcNow() < deadline)
        {
            string? line;
            try
            {
                line = await link.ReadLineAsync(awaitStopAck || awaitCompletion ? deadline - options.Time.GetUtcNow() : quiet, "after the acquisition", CancellationToken.None).ConfigureAwait(false);
            }
            catch (MonitorDisconnectedException)
            {
                return; // the samples are complete; the next command will report the loss
            }
            if (line is null) break;
            var parsed = ReplyLine.Parse(line);
            if (parsed.Kind == ReplyLineKind.Ack && parsed.Tokens is [_, "stop", ..]) awaitStopAck = false;
            if (AsciiStatusLine.IsEndOfAcquisition(parsed.Text)) awaitCompletion = false;
            if (parsed.Kind == ReplyLineKind.Error) options.Logger.LogWarning("{Monitor} after the acquisition: {Line}", backend.Name, parsed.Text);
            else options.Logger.LogDebug("{Monitor} after the acquisition: {Line}", backend.Name, parsed.Text);
        }
        if (awaitStopAck || awaitCompletion)
            options.Logger.LogWarning("{Monitor} did not confirm the stop ({Missing})", backend.Name, awaitStopAck ? "no 'ack stop'" : "no 'Acquisition completed'");
    }

    private void SignalWaiters(bool end)
    {
        lock (waitGate)
        {
            finished |= end;
            long decoded = decoder.SampleCount;
            for (int i = waiters.Count - 1; i >= 0; i--)
            {
                if (decoded < waiters[i].Count && !end) continue;
                waiters[i].Done.TrySetResult(decoded >= waiters[i].Count);
                waiters.RemoveAt(i);
            }
        }
    }

    private string Progress() =>
        $"after {decoder.SampleCount} samples, {(double)decoder.SampleCount / Settings.Rate.Hertz:0.###} s";
}
