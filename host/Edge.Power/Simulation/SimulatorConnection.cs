using System.Globalization;
using System.Text;
using Edge.Power.Backends;
using Edge.Power.Protocol;
using Edge.Power.Samples;

namespace Edge.Power.Simulation;

/// <summary>
/// One client of the simulator: reads command lines, answers in the backend's dialect
/// (`PowerShield > ` prompt and `Acquisition completed` for the LPM01A, blank-line-closed blocks
/// for the V3PWR), and runs acquisitions alongside, so `stop` is heard while samples flow.
/// A session must be opened first (`power_monitor` / `htc`), as the real monitors expect.
/// </summary>
internal sealed class SimulatorConnection
{
    private const int MaxLineLength = 256;

    private readonly SimulatorOptions options;
    private readonly PowerMonitorBackend backend;
    private readonly Stream stream;
    private readonly FaultTracker faults;
    private readonly SimulatedMonitorState state = new();
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly CancellationTokenSource dropped = new();
    private SimulatedAcquisition? acquisition;
    private Task<bool>? acquisitionTask;

    public SimulatorConnection(SimulatorOptions options, Stream stream)
    {
        this.options = options;
        this.stream = stream;
        backend = PowerMonitorBackend.For(options.Model);
        faults = new FaultTracker(options.Faults, options.Seed);
        state.TargetPowered = options.Supply?.Powered ?? true;
    }

    public async Task<SimulatorSessionEnd> RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, dropped.Token);
        var token = linked.Token;
        var pending = new List<byte>();
        try
        {
            if (faults.ResidueOnConnect)
            {
                await WriteAsync(Encoding.ASCII.GetBytes($"{backend.Name} ready\r\nack vo"), token).ConfigureAwait(false);
                pending.AddRange("\x1b[2J~~"u8.ToArray()); // junk already in the monitor's input: the first command is garbled
            }
            if (faults.StaleStreamOnConnect) StartStaleStream(token);
            var buffer = new byte[1024];
            while (true)
            {
                options.Activity?.SimulatorWaits();
                int read = await stream.ReadAsync(buffer, token).ConfigureAwait(false);
                options.Activity?.SimulatorRead(read);
                if (read == 0) return SimulatorSessionEnd.PeerClosed;
                for (int i = 0; i < read; i++)
                {
                    byte b = buffer[i];
                    if (b == '\n')
                    {
                        string line = Encoding.ASCII.GetString(pending.ToArray()).TrimEnd('\r');
                        pending.Clear();
                        await HandleAsync(line, token).ConfigureAwait(false);
                    }
                    else if (pending.Count < MaxLineLength) pending.Add(b);
                }
            }
        }
        catch (OperationCanceledException) when (dropped.IsCancellationRequested)
        {
            return SimulatorSessionEnd.Dropped;
        }
        catch (OperationCanceledException)
        {
            return SimulatorSessionEnd.Cancelled;
        }
        catch (IOException)
        {
            return dropped.IsCancellationRequested ? SimulatorSessionEnd.Dropped : SimulatorSessionEnd.PeerClosed;
        }
        finally
        {
            acquisition?.RequestStop();
            await EndAcquisitionQuietlyAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(string line, CancellationToken token)
    {
        string text = line.Trim();
        if (text.Length == 0) return;
        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string verb = words[0].ToLowerInvariant();
        if (faults.Ignore(verb)) return;
        if (acquisitionTask is { IsCompleted: true }) acquisitionTask = null;
        if (acquisitionTask is not null && verb != "stop")
        {
            await ErrorAsync(text, "acquisition in progress, send stop first", token).ConfigureAwait(false);
            return;
        }
        if (!IsPrintable(text))
        {
            await ReplyAsync(token, "Command unknown").ConfigureAwait(false);
            return;
        }
        bool opening = verb == backend.OpeningCommands[0].Verb;
        if (!state.SessionOpen && !opening && verb is not ("powershield" or "version" or "help" or "echo" or "stop"))
        {
            await ErrorAsync(text, $"send {backend.OpeningCommands[0].Text} first", token).ConfigureAwait(false);
            return;
        }
        string? error = verb switch
        {
            _ when opening => Do(() => state.SessionOpen = true),
            "hrc" when backend.Model == PowerMonitorModel.Lpm01a => Do(() => state.SessionOpen = false),
            "powershield" => null,
            "version" or "help" or "echo" or "status" or "temp" or "currthre" or "pwrend" => null,
            "trigdelay" => TrigDelay(words),
            "volt" => Volt(words),
            "freq" => Freq(words),
            "acqtime" => AcqTime(words),
            "format" => Format(words),
            "trigsrc" => TrigSrc(words),
            "pwr" => Pwr(words),
            "targrst" => words.Length == 2 && (words[1] == "0" || NumberSyntax.TryParse(words[1], out double off) && off is >= 0.01 and <= 1)
                ? null : "expected targrst <10m..1> or 0",
            "eventsrc" when backend.Model == PowerMonitorModel.Lpm01a => EventSource(words),
            "start" => StartCheck(),
            "stop" => null,
            _ => "command unknown",
        };
        if (error is not null)
        {
            await ErrorAsync(text, error, token).ConfigureAwait(false);
            return;
        }
        switch (verb)
        {
            case "powershield":
                await ReplyAsync(token, backend.Model == PowerMonitorModel.StlinkV3Pwr ? $"ack {backend.Name} {options.BoardId}" : $"ack powershield {options.BoardId}").ConfigureAwait(false);
                break;
            case "version":
                await ReplyAsync(token, $"ack version {options.FirmwareVersion}").ConfigureAwait(false);
                break;
            case "temp":
                await ReplyAsync(token, $"ack {text} 25").ConfigureAwait(false);
                break;
            case "status":
                await ReplyAsync(token, "ack status ok").ConfigureAwait(false);
                break;
            case "volt" when words.Length == 2 && words[1] == "get":
                Span<byte> token7 = stackalloc byte[7];
                Acquisition.AsciiSampleCodec.Encode(state.SupplyVolts, token7);
                await ReplyAsync(token, $"ack volt get {Encoding.ASCII.GetString(token7)}").ConfigureAwait(false);
                break;
            case "start":
                await ReplyAsync(token, "ack start").ConfigureAwait(false);
                StartAcquisition(token);
                break;
            case "stop":
                await StopAsync(token).ConfigureAwait(false);
                break;
            case "pwr" when options.Supply is { } supply && words[^1] != "get":
                await supply.SwitchAsync(state.TargetPowered, token).ConfigureAwait(false);
                await ReplyAsync(token, $"ack {text}").ConfigureAwait(false);
                break;
            default:
                await ReplyAsync(token, $"ack {text}").ConfigureAwait(false);
                break;
        }
    }

    private string? Volt(string[] words)
    {
        if (words.Length == 2 && words[1] == "get") return null;
        string value = words[^1];
        if (words.Length is < 2 or > 3 || (words.Length == 3 && (backend.Model != PowerMonitorModel.StlinkV3Pwr || words[1] != "vout")))
            return "expected volt <value> or volt get";
        if (!NumberSyntax.TryParse(value, out double volts)) return $"'{value}' is not a number";
        if (volts < backend.MinSupplyVolts - 1e-9 || volts > backend.MaxSupplyVolts + 1e-9)
            return $"{volts:0.###} V out of range [{backend.MinSupplyVolts:0.0}V;{backend.MaxSupplyVolts:0.0}V]";
        state.SupplyVolts = volts;
        return null;
    }

    private string? Freq(string[] words)
    {
        if (words.Length != 2 || !NumberSyntax.TryParse(words[1], out double hertz) || hertz != Math.Round(hertz)
            || !SamplingRate.TryParse(((long)hertz).ToString(CultureInfo.InvariantCulture), out var rate))
            return "frequency not in the list 100k..1";
        state.Rate = rate;
        return null;
    }

    private string? AcqTime(string[] words)
    {
        if (words.Length != 2) return "expected acqtime <time> or inf";
        if (words[1] is "inf" or "0")
        {
            state.AcquisitionTime = null;
            return null;
        }
        if (!NumberSyntax.TryParse(words[1], out double seconds) || seconds < 100e-6 || seconds > 100) return "acquisition time out of range [100u;100]";
        state.AcquisitionTime = TimeSpan.FromSeconds(seconds);
        return null;
    }

    private string? Format(string[] words)
    {
        string? format = words.Length == 2 ? words[1] : null;
        // ST's V3PWR script sends `bin_hex`; minuteOS `bin_hexa`: accept both there.
        if (format == "ascii_dec") state.Format = SampleFormat.Ascii;
        else if (format == "bin_hexa" || (format == "bin_hex" && backend.Model == PowerMonitorModel.StlinkV3Pwr)) state.Format = SampleFormat.Binary;
        else return "expected format ascii_dec or bin_hexa";
        return null;
    }

    private string? TrigSrc(string[] words)
    {
        if (words.Length != 2) return "expected trigsrc sw or " + backend.HardwareTriggerKeyword;
        if (words[1] == "sw") state.HardwareTrigger = false;
        else if (words[1] == backend.HardwareTriggerKeyword) state.HardwareTrigger = true;
        else return $"trigger source '{words[1]}' unknown on {backend.Name}";
        return null;
    }

    private string? TrigDelay(string[] words)
    {
        if (words.Length != 2 || !NumberSyntax.TryParse(words[1], out double seconds) || seconds < 0 || seconds > 30) return "trigger delay out of range [0;30]";
        state.TriggerDelay = TimeSpan.FromSeconds(seconds);
        return null;
    }

    private string? Pwr(string[] words)
    {
        string? setting = words.Length == 2 ? words[1] : words.Length == 3 && backend.Model == PowerMonitorModel.StlinkV3Pwr ? words[2] : null;
        switch (setting)
        {
            case "on" or "auto":
                state.TargetPowered = true;
                return null;
            case "off":
                state.TargetPowered = false;
                return null;
            case "get":
                return null;
            default:
                return "expected pwr on, off, auto or get";
        }
    }

    private string? EventSource(string[] words)
    {
        if (words.Length != 3 || words[1] != "d7" || words[2] is not ("ris" or "fal")) return "expected eventsrc d7 ris|fal";
        state.EventOnRising = words[2] == "ris";
        return null;
    }

    private string? StartCheck()
    {
        var limit = backend.MaxAcquisitionTime(state.Format, state.Rate);
        if (limit is null) return null;
        if (state.AcquisitionTime is null || state.AcquisitionTime > limit)
            return $"acquisition time too long for {state.Format} at {state.Rate} (max {limit.Value.TotalSeconds:0.###} s)";
        return null;
    }

    private void StartAcquisition(CancellationToken token)
    {
        var run = new SimulatedAcquisition(options, state, backend, faults, WriteAsync);
        acquisition = run;
        options.Activity?.SimulatorStreaming(true);
        acquisitionTask = Task.Run(async () =>
        {
            try
            {
                bool drop = await run.RunAsync(token).ConfigureAwait(false);
                if (drop)
                {
                    dropped.Cancel();
                    return true;
                }
                if (backend.StopReportsCompletion) await WriteLinesAsync(token, closeBlock: false, "Acquisition completed").ConfigureAwait(false);
                return false;
            }
            finally
            {
                options.Activity?.SimulatorStreaming(false);
            }
        }, CancellationToken.None);
    }

    /// <summary>An acquisition left running by an "earlier session": binary, 100 kHz, until stopped.</summary>
    private void StartStaleStream(CancellationToken token)
    {
        state.Format = SampleFormat.Binary;
        state.Rate = SamplingRate.Hz100k;
        state.AcquisitionTime = null;
        StartAcquisition(token);
    }

    private async Task StopAsync(CancellationToken token)
    {
        if (acquisitionTask is { } running && acquisition is { } run)
        {
            run.RequestStop();
            // The end marker and `Acquisition completed` are written by the acquisition as it ends.
            await running.ConfigureAwait(false);
            acquisitionTask = null;
            await ReplyAsync(token, "ack stop").ConfigureAwait(false);
            return;
        }
        await ReplyAsync(token, "ack stop").ConfigureAwait(false);
    }

    /// <summary>The client is gone: let a running acquisition finish its chunk; its write errors mean nothing now.</summary>
    private async Task EndAcquisitionQuietlyAsync()
    {
        if (acquisitionTask is not { } running) return;
        try
        {
            await running.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static string? Do(Action action)
    {
        action();
        return null;
    }

    private Task ErrorAsync(string command, string detail, CancellationToken token) =>
        ReplyAsync(token, $"error {command}", $"Error detail: {detail}");

    /// <summary>A reply block: prompted lines on the LPM01A, lines and a closing blank line on the V3PWR.</summary>
    private Task ReplyAsync(CancellationToken token, params string[] lines) =>
        WriteLinesAsync(token, backend.ReplyRules.BlankLineEndsReply, lines);

    /// <summary>Lines with the dialect's prompt; <paramref name="closeBlock"/> adds the V3PWR's closing blank line.</summary>
    private Task WriteLinesAsync(CancellationToken token, bool closeBlock, params string[] lines)
    {
        var builder = new StringBuilder();
        foreach (string line in lines) builder.Append(backend.Prompt).Append(line).Append("\r\n");
        if (closeBlock) builder.Append("\r\n");
        return WriteAsync(Encoding.ASCII.GetBytes(builder.ToString()), token);
    }

    private async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken token)
    {
        await writeLock.WaitAsync(token).ConfigureAwait(false);
        try
        {
            await stream.WriteAsync(bytes, token).ConfigureAwait(false);
            await stream.FlushAsync(token).ConfigureAwait(false);
            options.Activity?.SimulatorSent(bytes.Length);
        }
        finally
        {
            writeLock.Release();
        }
    }

    private static bool IsPrintable(string text)
    {
        foreach (char c in text)
            if (c is < ' ' or > '~') return false;
        return true;
    }
}
