using Edge.Board.Link;
using Edge.Device.Board;
using Edge.Device.Codec;
using Edge.Device.Link;
using Edge.Device.Link.Messages;
using Edge.Transport;
using Microsoft.Extensions.Logging;

namespace Edge.Board.Client;

/// <summary>
/// The board's commands as methods (firmware/docs/link-protocol.md): a session handshake,
/// status, uploads that resume, row streaming one window at a time, MLPerf-style inference
/// runs, window reports, capture. Every payload goes through its message's codec in the shared
/// device source; bulk transfers (uploads, rows, vectors, capture) keep the link's window full.
/// Works the same against a real board and a simulated one.
/// </summary>
public sealed class BoardClient : IAsyncDisposable
{
    private const int MinChunkBytes = 32;
    private const int StartChunkBytes = 256;
    private const int MaxChunkBytes = LinkFrame.MaxPayload - UploadChunkRequest.HeaderBytes;

    private long _nextRow;
    private long _windowsSeen;

    private BoardClient(LinkClient link) => Link = link;

    public LinkClient Link { get; }

    public string Address => Link.Address;

    /// <summary>What the board said when this session opened.</summary>
    public BoardHello? Hello { get; private set; }

    /// <summary>Opens tcp://HOST:PORT or a serial device and opens a session.</summary>
    public static async Task<(BoardClient Client, BoardHello Hello)> ConnectAsync(string address, int baudRate = 115200, LinkOptions? options = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        IByteTransport transport;
        try
        {
            transport = await ByteTransports.OpenAsync(address, baudRate, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        }
        catch (TransportException e)
        {
            throw new BoardLinkException(e.Message + (ByteTransports.TryParseTcp(address, out _, out _)
                ? " Is a board simulator (`edge board sim`) listening there?"
                : " Is the board's UART adapter plugged in?"), e);
        }
        return await OpenAsync(new LinkClient(transport, options, logger), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a session over an already open link (tests, custom transports); disposes the link if that fails.</summary>
    public static async Task<(BoardClient Client, BoardHello Hello)> OpenAsync(LinkClient link, CancellationToken cancellationToken = default)
    {
        var client = new BoardClient(link);
        try
        {
            var hello = await client.HelloAsync(cancellationToken).ConfigureAwait(false);
            return (client, hello);
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens a new session (a new random id): the board forgets the answers of the last one.</summary>
    public async Task<BoardHello> HelloAsync(CancellationToken cancellationToken = default)
    {
        var response = await Link.OpenSessionAsync(new HelloRequest(), cancellationToken).ConfigureAwait(false);
        if (response.Status == LinkStatus.UnsupportedVersion)
            throw new BoardLinkException($"board at {Address} speaks link protocol {response.Decode(new VersionReply()).ProtocolVersion}, this host {LinkFrame.ProtocolVersion}: update the firmware or edge");
        if (!response.Ok) throw Link.Refused(response, "hello");
        _nextRow = 0;
        _windowsSeen = 0;
        Hello = BoardHello.From(response.Decode(new HelloReply()), Link.Session);
        return Hello;
    }

    public async Task<BoardStatus> StatusAsync(CancellationToken cancellationToken = default) =>
        BoardStatus.From((await Link.CallAsync(LinkCommand.Status, null, new StatusRecord(), "status", cancellationToken).ConfigureAwait(false))!);

    /// <summary>A `ping`: the board and the link are alive.</summary>
    public Task PingAsync(CancellationToken cancellationToken = default) =>
        Link.CallAsync<LinkMessage>(LinkCommand.Ping, null, null, "ping", cancellationToken);

    /// <summary>
    /// Uploads a model (.edgem) or drift profile (.edgp): announces length and CRC-32, continues an
    /// identical interrupted upload from where the board has it, sends chunks (the window full),
    /// and commits. The board verifies the CRC and loads the file before it replaces what runs; a
    /// failure leaves the old one running.
    /// </summary>
    public async Task<UploadResult> UploadAsync(byte kind, byte[] file, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var begin = new UploadBeginRequest { Kind = kind, Length = file.Length, Crc = System.IO.Hashing.Crc32.HashToUInt32(file) };
        var started = await Link.RequestAsync(LinkCommand.UploadBegin, begin, cancellationToken).ConfigureAwait(false);
        if (started.Status == LinkStatus.TooLarge)
            throw new BoardCommandException($"board at {Address} refused the upload: {UploadName(kind)} of {file.Length:N0} bytes is larger than its staging area of {started.Decode(new UploadOffset()).Offset:N0}", started);
        if (!started.Ok) throw Link.Refused(started, "the upload");
        int offset = started.Decode(new UploadOffset()).Offset;
        int resumedAt = offset;
        // On a noisy line a large frame rarely arrives whole: start with a modest chunk, double it
        // after a run of clean ones, halve it when one needed resends (a chunk in flight keeps its
        // size: the board may have taken it already).
        int chunkBytes = StartChunkBytes;
        int cleanRun = 0;
        int sentTo = offset;
        var inFlight = new Queue<(int Offset, Task<LinkResponse> Answer)>();
        while (offset < file.Length)
        {
            // Fill the window, in one write.
            var batch = new List<LinkMessage>();
            var offsets = new List<int>();
            while (sentTo < file.Length && inFlight.Count + batch.Count < Link.Window)
            {
                int count = Math.Min(chunkBytes, file.Length - sentTo);
                batch.Add(new UploadChunkRequest { Offset = sentTo, Data = file, DataOffset = sentTo, DataLength = count });
                offsets.Add(sentTo);
                sentTo += count;
            }
            if (batch.Count > 0)
            {
                var answers = await Link.SendBatchAsync(LinkCommand.UploadChunk, batch, cancellationToken).ConfigureAwait(false);
                for (int i = 0; i < answers.Count; i++) inFlight.Enqueue((offsets[i], answers[i]));
            }
            // Take the oldest answer, and every later one already in.
            do
            {
                var (at, answer) = inFlight.Dequeue();
                var response = await answer.WaitAsync(cancellationToken).ConfigureAwait(false);
                int next = response.Status is LinkStatus.Ok or LinkStatus.BadOffset ? response.Decode(new UploadOffset()).Offset : 0;
                if (response.Status == LinkStatus.BadOffset)
                {
                    // The board is elsewhere (an earlier chunk was not taken): let what is in flight
                    // come back refused, then carry on from where the board says.
                    await DrainAsync(inFlight.Select(f => f.Answer), cancellationToken).ConfigureAwait(false);
                    inFlight.Clear();
                    offset = sentTo = next;
                    break;
                }
                if (!response.Ok) throw Link.Refused(response, $"upload chunk at {at}");
                if (response.Attempts > 2) { chunkBytes = Math.Max(MinChunkBytes, chunkBytes / 2); cleanRun = 0; }
                else if (response.Attempts == 1 && ++cleanRun >= 4) { chunkBytes = Math.Min(MaxChunkBytes, chunkBytes * 2); cleanRun = 0; }
                offset = next;
                progress?.Report(offset);
            } while (inFlight.Count > 0 && inFlight.Peek().Answer.IsCompleted);
        }
        var committed = await Link.RequestAsync(LinkCommand.UploadCommit, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        if (!committed.Ok)
        {
            string detail = committed.Status == LinkStatus.InvalidFile ? ": " + committed.Message : "";
            throw new BoardCommandException($"board at {Address} did not take the {UploadName(kind)}: {committed.StatusName}{detail}; it keeps running what it had", committed);
        }
        var reply = committed.Decode(new UploadCommitReply());
        return new UploadResult(kind, ModelIds.Hex(reply.ModelId), reply.Length, resumedAt);
    }

    public async Task<StagedUpload> UploadStatusAsync(CancellationToken cancellationToken = default)
    {
        var r = (await Link.CallAsync(LinkCommand.UploadStatus, null, new UploadStatusReply(), "upload status", cancellationToken).ConfigureAwait(false))!;
        return new StagedUpload((byte)r.Kind, r.Length, r.Crc, r.Offset);
    }

    /// <summary>Tells the board how rows are laid out.</summary>
    public async Task ConfigureRowsAsync(int width, int modelInputStart, IReadOnlyList<short> driftSources, byte anomalyRule, float anomalyThreshold, CancellationToken cancellationToken = default)
    {
        var request = new ConfigureRowsRequest
        {
            Width = width, ModelInputStart = modelInputStart, Rule = anomalyRule, Threshold = anomalyThreshold,
            Sources = driftSources.ToArray(), SourceCount = driftSources.Count,
        };
        await Link.CallAsync<LinkMessage>(LinkCommand.ConfigureRows, request, null, "the row layout", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rows that fit one frame at this width.</summary>
    public static int RowsPerFrame(int width) => Math.Max(1, RowsRequest.RowsPerFrame(width));

    /// <summary>
    /// Sends rows[from..] (at most one frame's worth) at the session's row position; the board stops
    /// after a row that completes a drift window. Returns how many rows it took (0 when it refused
    /// them as out of place), its sample count and its completed windows.
    /// </summary>
    public async Task<RowsTaken> SendRowsAsync(IReadOnlyList<float[]> rows, int from, CancellationToken cancellationToken = default)
    {
        int count = Math.Min(RowsPerFrame(rows[from].Length), rows.Count - from);
        var response = await Link.RequestAsync(LinkCommand.Rows, RowsPayload(rows, from, count), cancellationToken).ConfigureAwait(false);
        var reply = Taken(response);
        return new RowsTaken(reply.Taken, reply.Samples, reply.WindowsCompleted);
    }

    /// <summary>
    /// Streams every row, in order, with the window full: the board takes each exactly once. When
    /// a drift window closes, nothing more is sent until <paramref name="onWindow"/> has run (it
    /// reads the report before the next window can close); rows already in flight then are refused
    /// by the board and sent again. Returns the board's sample count at the end.
    /// </summary>
    public async Task<long> StreamRowsAsync(IReadOnlyList<float[]> rows, Func<long, Task>? onWindow = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0) return (await StatusAsync(cancellationToken).ConfigureAwait(false)).Samples;
        long start = _nextRow;
        int perFrame = RowsPerFrame(rows[0].Length);
        int sent = 0;
        int done = 0;
        long samples = 0;
        var inFlight = new Queue<Task<LinkResponse>>();
        while (done < rows.Count)
        {
            // Fill the window, in one write.
            var batch = new List<LinkMessage>();
            while (sent < rows.Count && inFlight.Count + batch.Count < Link.Window)
            {
                int count = Math.Min(perFrame, rows.Count - sent);
                batch.Add(RowsPayload(rows, sent, count, start + sent));
                sent += count;
            }
            if (batch.Count > 0)
                foreach (var answer in await Link.SendBatchAsync(LinkCommand.Rows, batch, cancellationToken).ConfigureAwait(false)) inFlight.Enqueue(answer);
            bool resync = false;
            do
            {
                long windowsBefore = _windowsSeen;
                var response = await inFlight.Dequeue().WaitAsync(cancellationToken).ConfigureAwait(false);
                var reply = Taken(response);
                samples = reply.Samples;
                done = (int)(_nextRow - start);
                progress?.Report(done);
                if (response.Status == LinkStatus.Ok && reply.WindowsCompleted == windowsBefore) continue;
                // A window closed (or the rows were out of place): what is in flight will be refused;
                // let it come back, read the window, and go on from where the board is.
                foreach (var answer in inFlight) Taken(await answer.WaitAsync(cancellationToken).ConfigureAwait(false));
                inFlight.Clear();
                if (reply.WindowsCompleted != windowsBefore && onWindow is not null) await onWindow(reply.WindowsCompleted).ConfigureAwait(false);
                sent = done = (int)(_nextRow - start);
                resync = true;
            } while (!resync && inFlight.Count > 0 && inFlight.Peek().IsCompleted);
        }
        return samples;
    }

    private RowsRequest RowsPayload(IReadOnlyList<float[]> rows, int from, int count, long? firstRow = null)
    {
        int width = rows[from].Length;
        var values = new float[count * width];
        for (int r = 0; r < count; r++)
        {
            if (rows[from + r].Length != width) throw new ArgumentException($"row {from + r} has {rows[from + r].Length} values, the rows before it {width}", nameof(rows));
            Array.Copy(rows[from + r], 0, values, r * width, width);
        }
        return new RowsRequest { FirstRow = firstRow ?? _nextRow, Windows = _windowsSeen, Count = count, Values = values, Width = width };
    }

    /// <summary>The rows reply, taken or refused as out of place; keeps the client's row position and window count in step with the board's.</summary>
    private RowsReply Taken(LinkResponse response)
    {
        if (response.Status is not (LinkStatus.Ok or LinkStatus.BadOffset)) throw Link.Refused(response, "rows");
        var reply = response.Decode(new RowsReply());
        _nextRow = reply.NextRow;
        _windowsSeen = reply.WindowsCompleted;
        return reply;
    }

    /// <summary>Waits for every answer still in flight (they are refused or taken by the board; either way the link stays in order).</summary>
    private static async Task DrainAsync(IEnumerable<Task<LinkResponse>> inFlight, CancellationToken cancellationToken)
    {
        foreach (var answer in inFlight) await answer.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The last window's report, all columns (pages requested with the window full).</summary>
    public async Task<WindowReport> WindowAsync(CancellationToken cancellationToken = default)
    {
        var first = await WindowPageAsync(0, cancellationToken).ConfigureAwait(false);
        var pages = new List<Task<WindowReport>>();
        for (int at = first.Columns.Count; at < first.TotalColumns && first.Columns.Count > 0; at += WindowPage.ColumnsPerPage)
            pages.Add(WindowPageAsync(at, cancellationToken));
        var report = first;
        foreach (var page in await Task.WhenAll(pages).ConfigureAwait(false))
        {
            if (page.Index != report.Index) throw new BoardLinkException($"board at {Address} closed a window while its report was read");
            report = report.Join(page);
        }
        return report;
    }

    private async Task<WindowReport> WindowPageAsync(int firstColumn, CancellationToken cancellationToken)
    {
        var page = await Link.CallAsync(LinkCommand.Window, new WindowRequest { FirstColumn = firstColumn }, new WindowPage(), "the window report", cancellationToken).ConfigureAwait(false);
        return WindowReport.From(page!);
    }

    /// <summary>Stores a vector in a slot (several requests for a long vector, sent with the window full).</summary>
    public async Task SetVectorAsync(int slot, float[] values, CancellationToken cancellationToken = default)
    {
        int slots = Hello?.VectorSlots ?? ushort.MaxValue;
        if (slot < 0 || slot >= slots) throw new ArgumentOutOfRangeException(nameof(slot), slot, $"the board has vector slots 0 to {slots - 1}");
        var answers = new List<Task<LinkResponse>>();
        for (int start = 0; start < values.Length; start += SetVectorRequest.MaxValues)
        {
            var request = new SetVectorRequest { Slot = slot, Start = start, Values = values, ValuesOffset = start, Count = Math.Min(SetVectorRequest.MaxValues, values.Length - start) };
            answers.AddRange(await Link.SendBatchAsync(LinkCommand.SetVector, [request], cancellationToken).ConfigureAwait(false));
        }
        foreach (var response in await Task.WhenAll(answers).ConfigureAwait(false))
            if (!response.Ok) throw Link.Refused(response, $"vector {slot}");
    }

    /// <summary>Runs the stored vectors first..first+count-1, repeats times, with the trigger pin raised around each inference.</summary>
    public async Task<InferenceRun> InferAsync(int first, int count, int repeats, int outputsPerVector, CancellationToken cancellationToken = default)
    {
        int slots = Hello?.VectorSlots ?? ushort.MaxValue;
        if (count < 1 || first < 0 || first + count > slots)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"vectors {first}..{first + count - 1}: the board has vector slots 0 to {slots - 1}");
        if (repeats is < 1 or > InferLimits.MaxRepeats)
            throw new ArgumentOutOfRangeException(nameof(repeats), repeats, $"repeats must be 1 to {InferLimits.MaxRepeats:N0}");
        if (count * outputsPerVector > InferLimits.MaxOutputs)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"{count} vectors of {outputsPerVector} outputs do not fit one answer ({InferLimits.MaxOutputs} outputs at most)");
        var request = new InferRequest { FirstSlot = first, Count = count, Repeats = repeats, Flags = InferRequest.TogglePin };
        var reply = (await Link.CallAsync(LinkCommand.Infer, request, new InferReply(), "the inference run", cancellationToken).ConfigureAwait(false))!;
        if (reply.OutputCount != count * outputsPerVector)
            throw new BoardLinkException($"board at {Address} sent {reply.OutputCount} outputs for {count} vectors of {outputsPerVector}: is it running this model?");
        var outputs = new float[count][];
        for (int s = 0; s < count; s++) outputs[s] = reply.Outputs.AsSpan(s * outputsPerVector, outputsPerVector).ToArray();
        return new InferenceRun(reply.Inferences, reply.TotalMicros, reply.MinMicros, reply.MaxMicros, outputs);
    }

    public Task SetTelemetryAsync(int statusIntervalMs, bool windowReports, CancellationToken cancellationToken = default) =>
        Link.CallAsync<LinkMessage>(LinkCommand.Telemetry, new TelemetrySettings
        {
            StatusIntervalMs = statusIntervalMs,
            Flags = windowReports ? TelemetrySettings.WindowReportsFlag : 0,
        }, null, "the telemetry setting", cancellationToken);

    public async Task<CaptureSummary> CaptureInfoAsync(CancellationToken cancellationToken = default)
    {
        var info = (await Link.CallAsync(LinkCommand.CaptureInfo, null, new CaptureInfo(), "capture info", cancellationToken).ConfigureAwait(false))!;
        return new CaptureSummary((byte)info.State, info.Rows, info.Columns, info.FrozenAtWindow);
    }

    /// <summary>Every row the board's capture holds (pages requested with the window full).</summary>
    public async Task<IReadOnlyList<CapturedRow>> CaptureReadAsync(CancellationToken cancellationToken = default) =>
        await CaptureReadAsync(await CaptureInfoAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>The rows of a capture the board described (<see cref="CaptureInfoAsync"/>).</summary>
    public async Task<IReadOnlyList<CapturedRow>> CaptureReadAsync(CaptureSummary capture, CancellationToken cancellationToken = default)
    {
        int perPage = Math.Max(1, LinkFrame.MaxPayload / CapturePage.RowBytes(capture.Columns));
        var pages = new List<Task<LinkResponse>>();
        for (int first = 0; first < capture.Rows; first += perPage)
        {
            var request = new CaptureReadRequest { FirstRow = first, Count = Math.Min(perPage, capture.Rows - first) };
            pages.AddRange(await Link.SendBatchAsync(LinkCommand.CaptureRead, [request], cancellationToken).ConfigureAwait(false));
        }
        var result = new List<CapturedRow>(capture.Rows);
        foreach (var response in await Task.WhenAll(pages).ConfigureAwait(false))
        {
            if (!response.Ok) throw Link.Refused(response, "capture read");
            var page = response.Decode(new CapturePage { Columns = capture.Columns });
            if (page.Count == 0) throw new BoardLinkException($"board at {Address} sent an empty capture page: the capture changed while it was read");
            for (int i = 0; i < page.Count; i++)
                result.Add(new CapturedRow(page.Samples[i], page.Anomalous[i], page.Values.AsSpan(i * capture.Columns, capture.Columns).ToArray()));
        }
        if (result.Count != capture.Rows) throw new BoardLinkException($"board at {Address} sent {result.Count} captured rows of {capture.Rows}");
        return result;
    }

    /// <summary>
    /// Clears the board's drift alarm and releases its capture. <paramref name="storedCaptureWindow"/>
    /// names the frozen capture the caller has stored (its frozen-at window; 0: none): a board
    /// holding another frozen capture refuses, so no capture is released before it is kept.
    /// </summary>
    public async Task AcknowledgeAsync(long storedCaptureWindow, CancellationToken cancellationToken = default)
    {
        var response = await Link.RequestAsync(LinkCommand.Acknowledge, new AcknowledgeRequest { StoredCaptureWindow = storedCaptureWindow }, cancellationToken).ConfigureAwait(false);
        if (response.Status == LinkStatus.Busy)
        {
            var held = response.Decode(new CaptureInfo());
            throw new BoardCommandException($"board at {Address} refused the acknowledge: it holds a capture frozen at window {held.FrozenAtWindow} ({held.Rows} rows) that was not fetched and stored", response);
        }
        if (!response.Ok) throw Link.Refused(response, "the acknowledge");
    }

    public static string UploadName(byte kind) => kind == UploadKind.Model ? "model" : "drift profile";

    public ValueTask DisposeAsync() => Link.DisposeAsync();
}
