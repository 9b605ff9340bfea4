using System.Globalization;
using Edge.Power.Acquisition;
using Edge.Power.Backends;
using Edge.Power.Errors;
using Edge.Power.Protocol;
using Edge.Transport;
using Microsoft.Extensions.Logging;

namespace Edge.Power.Session;

/// <summary>
/// A session with one power monitor: open (clear stale input, enter host mode, identify),
/// configure, power and reset the target, read temperature, and acquire current samples into a
/// sink. One command is in flight at a time; while an acquisition runs only <c>stop</c> may be sent.
/// Retryable commands are sent again once after no answer or a garbled one; rejections are final.
/// </summary>
public sealed class PowerMonitor : IAsyncDisposable
{
    private readonly MonitorLink link;
    private readonly PowerMonitorOptions options;
    private readonly SemaphoreSlim busy = new(1, 1);
    private AcquisitionRun? running;
    private bool sessionOpen;

    private PowerMonitor(IByteTransport transport, PowerMonitorOptions options)
    {
        this.options = options;
        Backend = PowerMonitorBackend.For(options.Model);
        link = new MonitorLink(transport, options.Time, options.Activity);
        Identity = new MonitorIdentity(options.Model, Backend.Name, "unknown", "unknown");
    }

    public PowerMonitorBackend Backend { get; }

    public MonitorIdentity Identity { get; private set; }

    public string Address => link.Description;

    /// <summary>The settings of the last <see cref="ConfigureAsync"/>; null before.</summary>
    public AcquisitionSettings? Settings { get; private set; }

    /// <summary>Opens <paramref name="address"/> (`tcp://HOST:PORT` or a serial device) and starts the session.</summary>
    public static async Task<PowerMonitor> OpenAsync(string address, PowerMonitorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PowerMonitorOptions();
        var backend = PowerMonitorBackend.For(options.Model);
        IByteTransport transport;
        try
        {
            transport = await ByteTransports.OpenAsync(address, backend.BaudRate, options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TransportException e)
        {
            string hint = ByteTransports.TryParseTcp(address, out _, out _)
                ? " Is the simulator (`edge pwr sim`) running there?"
                : " Is the monitor plugged in, and is this its power-monitor port?";
            throw new MonitorDisconnectedException(e.Message + hint, e);
        }
        return await OpenAsync(transport, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a session over a transport that is already open; the session owns it from here.</summary>
    public static async Task<PowerMonitor> OpenAsync(IByteTransport transport, PowerMonitorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var monitor = new PowerMonitor(transport, options ?? new PowerMonitorOptions());
        try
        {
            await monitor.StartSessionAsync(cancellationToken).ConfigureAwait(false);
            return monitor;
        }
        catch
        {
            await monitor.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends one command and returns its acknowledgement.</summary>
    public async Task<Reply> SendAsync(PowerCommand command, CancellationToken cancellationToken = default)
    {
        await EnterAsync(command.Text, cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendCoreAsync(command, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            busy.Release();
        }
    }

    /// <summary>Sets supply, format, duration, rate and trigger, in the order ST's own scripts use.</summary>
    public async Task ConfigureAsync(AcquisitionSettings settings, CancellationToken cancellationToken = default)
    {
        var limit = Backend.MaxAcquisitionTime(settings.Format, settings.Rate);
        if (limit is not null && (settings.Duration is null || settings.Duration > limit))
            throw new PowerMonitorException(limit == TimeSpan.Zero
                ? $"{Backend.Name} cannot stream {settings.Format} samples at {settings.Rate}; use the binary format."
                : $"{Backend.Name} streams {settings.Format} samples at {settings.Rate} for at most {limit.Value.TotalSeconds:0.###} s; use the binary format or a shorter acquisition.");
        var volt = Backend.Volt(settings.SupplyVolts);
        await EnterAsync("configure", cancellationToken).ConfigureAwait(false);
        try
        {
            await SendCoreAsync(volt, cancellationToken).ConfigureAwait(false);
            if (options.VoltageSettleTime > TimeSpan.Zero) await Task.Delay(options.VoltageSettleTime, options.Time, cancellationToken).ConfigureAwait(false);
            await SendCoreAsync(PowerCommands.Format(settings.Format), cancellationToken).ConfigureAwait(false);
            await SendCoreAsync(PowerCommands.AcqTime(settings.Duration), cancellationToken).ConfigureAwait(false);
            await SendCoreAsync(PowerCommands.Freq(settings.Rate), cancellationToken).ConfigureAwait(false);
            await SendCoreAsync(Backend.TrigSrc(settings.Trigger), cancellationToken).ConfigureAwait(false);
            await SendCoreAsync(PowerCommands.TrigDelay(settings.TriggerDelay), cancellationToken).ConfigureAwait(false);
            Settings = settings;
        }
        finally
        {
            busy.Release();
        }
    }

    /// <summary>Switches the target's supply on or off (`pwr on|off`).</summary>
    public Task SetTargetPowerAsync(bool on, CancellationToken cancellationToken = default) =>
        SendAsync(Backend.Pwr(on), cancellationToken);

    /// <summary>Power-cycles the target, supply off for <paramref name="offTime"/> (`targrst`, 10 ms .. 1 s).</summary>
    public Task ResetTargetAsync(TimeSpan offTime, CancellationToken cancellationToken = default)
    {
        if (offTime < TimeSpan.FromMilliseconds(10) || offTime > TimeSpan.FromSeconds(1))
            throw new ArgumentOutOfRangeException(nameof(offTime), offTime, "targrst takes 10 ms to 1 s.");
        return SendAsync(PowerCommands.TargetReset(offTime), cancellationToken);
    }

    /// <summary>The monitor's temperature in °C (`temp degc`).</summary>
    public async Task<double> ReadTemperatureAsync(CancellationToken cancellationToken = default)
    {
        var reply = await SendAsync(PowerCommands.TemperatureCelsius, cancellationToken).ConfigureAwait(false);
        string? value = reply.LastValue;
        if (value is not null && System.Text.Encoding.ASCII.GetBytes(value) is { Length: AsciiSampleCodec.TokenLength } token
            && AsciiSampleCodec.TryDecode(token, out double decoded)) return decoded;
        if (value is not null && (NumberSyntax.TryParse(value, out double parsed)
                                  || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out parsed))) return parsed;
        throw new PowerMonitorException($"{Backend.Name} answered 'temp degc' with '{string.Join(' ', reply.Lines)}', which holds no temperature.");
    }

    /// <summary>
    /// Sends `start` and returns the running acquisition; samples and events go to
    /// <paramref name="sink"/> on a background task until the end marker or <see cref="AcquisitionRun.StopAsync"/>.
    /// </summary>
    public async Task<AcquisitionRun> StartAcquisitionAsync(IAcquisitionSink sink, CancellationToken cancellationToken = default)
    {
        var settings = Settings ?? throw new InvalidOperationException("Configure the acquisition (ConfigureAsync) before starting it.");
        await EnterAsync("start", cancellationToken).ConfigureAwait(false);
        try
        {
            var decoder = Backend.CreateDecoder(settings.Format, settings.Rate);
            // The samples follow the ack directly: complete on the ack line and take at most the blank line after it.
            var answer = await link.ExchangeAsync(PowerCommands.Start, Backend.ReplyRules, Backend.LineTerminator, options.CommandTimeout, completeOnAck: true, cancellationToken).ConfigureAwait(false);
            if (answer.ToReply() is null)
            {
                await TryStopAfterFailedStartAsync().ConfigureAwait(false);
                throw Failure(answer);
            }
            if (Backend.ReplyRules.BlankLineEndsReply) await link.SkipBlankLineAsync(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
            var run = new AcquisitionRun(link, decoder, sink, settings, options, Backend, () =>
            {
                running = null;
                busy.Release();
            });
            running = run;
            run.Start();
            return run;
        }
        catch
        {
            busy.Release();
            throw;
        }
    }

    /// <summary>
    /// Runs one acquisition to its end: the configured duration, or until <paramref name="cancellationToken"/>
    /// fires for an unlimited one (then `stop` is sent and the samples so far are kept).
    /// </summary>
    public async Task<AcquisitionSummary> AcquireAsync(IAcquisitionSink sink, CancellationToken cancellationToken = default)
    {
        var run = await StartAcquisitionAsync(sink, cancellationToken).ConfigureAwait(false);
        // A failed stop shows in Completion, which is awaited below; the stop task itself is not.
        await using (cancellationToken.Register(() => run.StopAsync().ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted)))
            return await run.Completion.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (running is { } run)
        {
            try
            {
                await run.StopAsync().WaitAsync(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is PowerMonitorException or TimeoutException)
            {
                options.Logger.LogWarning("Stopping the acquisition on close failed: {Reason}", e.Message);
            }
        }
        // Only a session that opened is closed: a monitor that never answered would only time out again.
        foreach (var command in sessionOpen ? Backend.ClosingCommands : [])
        {
            try
            {
                if (running is null) await SendAsync(command).ConfigureAwait(false);
            }
            catch (PowerMonitorException e)
            {
                options.Logger.LogDebug("Closing command {Command} failed: {Reason}", command.Text, e.Message);
            }
        }
        await link.DisposeAsync().ConfigureAwait(false);
    }

    private async Task StartSessionAsync(CancellationToken cancellationToken)
    {
        await ClearStaleInputAsync(cancellationToken).ConfigureAwait(false);
        foreach (var command in Backend.OpeningCommands)
        {
            try
            {
                await SendCoreAsync(command, cancellationToken).ConfigureAwait(false);
            }
            catch (PowerMonitorException e) when (e is not MonitorDisconnectedException)
            {
                throw new PowerMonitorException(
                    $"{e.Message} '{command.Text}' opens a {Backend.Name} session: check that the monitor is a {Backend.Name} " +
                    $"(choose the model to match) and that its firmware is recent enough.", e);
            }
        }
        var identify = await SendCoreAsync(PowerCommands.Identify, cancellationToken).ConfigureAwait(false);
        var version = await SendCoreAsync(PowerCommands.Version, cancellationToken).ConfigureAwait(false);
        Identity = new MonitorIdentity(Backend.Model, Backend.Name, Backend.BoardIdFrom(identify), version.LastValue ?? "unknown");
        sessionOpen = true;
        options.Logger.LogInformation("Connected to {Identity} at {Address}", Identity, Address);
    }

    /// <summary>
    /// A monitor may still be streaming from an earlier run, or have a banner queued: discard it.
    /// If it does not fall silent, it is streaming; `stop` it and discard again.
    /// </summary>
    private async Task ClearStaleInputAsync(CancellationToken cancellationToken)
    {
        var quiet = TimeSpan.FromMilliseconds(100);
        var (bytes, silent) = await link.DrainAsync(quiet, TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        if (!silent)
        {
            options.Logger.LogWarning("{Monitor} at {Address} is still streaming from an earlier run; sending stop", Backend.Name, Address);
            await link.WriteLineAsync(PowerCommands.Stop.Text, Backend.LineTerminator, cancellationToken).ConfigureAwait(false);
            (long more, silent) = await link.DrainAsync(quiet, TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
            bytes += more;
            if (!silent)
                throw new PowerMonitorException($"{Backend.Name} at {Address} keeps sending data even after 'stop'. Is another program using the monitor?");
        }
        if (bytes > 0) options.Logger.LogInformation("Discarded {Bytes} stale bytes from {Address}", bytes, Address);
    }

    private async Task<Reply> SendCoreAsync(PowerCommand command, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            var answer = await link.ExchangeAsync(command, Backend.ReplyRules, Backend.LineTerminator, options.CommandTimeout, completeOnAck: false, cancellationToken).ConfigureAwait(false);
            foreach (string ignored in answer.IgnoredLines)
                options.Logger.LogDebug("{Monitor}: ignored '{Line}' while waiting for '{Command}'", Backend.Name, ignored, command.Text);
            if (answer.ToReply() is { } reply) return reply;
            if (answer.Rejected || !command.Retryable || attempt >= options.CommandRetries) throw Failure(answer);
            options.Logger.LogWarning("{Monitor}: no clear answer to '{Command}'; clearing the line and sending it again", Backend.Name, command.Text);
            await link.DrainAsync(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        }
    }

    private PowerMonitorException Failure(ReplyAssembler answer) =>
        answer.Rejected ? new CommandRejectedException(Backend.Name, answer.Command, answer.ErrorDetail)
        : answer.Unreadable ? new CommandRejectedException(Backend.Name, answer.Command, "the monitor could not read the command (Command unknown)")
        : new CommandTimeoutException(Backend.Name, answer.Command, options.CommandTimeout, answer.IgnoredLines);

    private async Task TryStopAfterFailedStartAsync()
    {
        try
        {
            await link.WriteLineAsync(PowerCommands.Stop.Text, Backend.LineTerminator, CancellationToken.None).ConfigureAwait(false);
            await link.DrainAsync(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), CancellationToken.None).ConfigureAwait(false);
        }
        catch (MonitorDisconnectedException)
        {
            // Reported by the caller's exception already.
        }
    }

    private async Task EnterAsync(string what, CancellationToken cancellationToken)
    {
        if (running is not null)
            throw new InvalidOperationException($"Cannot send '{what}' while an acquisition is running; stop it first.");
        await busy.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (running is not null)
        {
            busy.Release();
            throw new InvalidOperationException($"Cannot send '{what}' while an acquisition is running; stop it first.");
        }
    }
}
