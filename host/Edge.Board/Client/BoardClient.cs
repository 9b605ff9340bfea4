using System.Buffers.Binary;
using System.Text;
using Edge.Board.Link;
using Edge.Board.Streaming;
using Edge.Device.Board;
using Edge.Device.Codec;
using Edge.Device.Link;
using Edge.Transport;
using Microsoft.Extensions.Logging;

namespace Edge.Board.Client;

/// <summary>
/// The board's commands as methods (firmware/docs/link-protocol.md): handshake, status, uploads
/// that resume, row streaming one window at a time, MLPerf-style inference runs, window reports,
/// capture. Works the same against a real board and a simulated one.
/// </summary>
public sealed class BoardClient : IAsyncDisposable
{
    private const int ChunkBytes = LinkFrame.MaxPayload - 4;
    private const int MinChunkBytes = 32;

    private BoardClient(LinkClient link) => Link = link;

    public LinkClient Link { get; }

    public string Address => Link.Address;

    /// <summary>Opens tcp://HOST:PORT or a serial device and shakes hands.</summary>
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
        var client = new BoardClient(new LinkClient(transport, options, logger));
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

    /// <summary>Wraps an already open link (tests, custom transports).</summary>
    public static BoardClient Over(LinkClient link) => new(link);

    public async Task<BoardHello> HelloAsync(CancellationToken cancellationToken = default)
    {
        var response = await Link.RequestAsync(LinkCommand.Hello, new[] { LinkFrame.ProtocolVersion }, cancellationToken).ConfigureAwait(false);
        if (response.Status == LinkStatus.UnsupportedVersion)
            throw new BoardLinkException($"board at {Address} speaks link protocol {(response.Payload.Length > 0 ? response.Payload[0] : 0)}, this host {LinkFrame.ProtocolVersion}: update the firmware or edge");
        if (!response.Ok) throw new BoardCommandException($"board at {Address} refused hello: {response.StatusName}", response);
        var p = response.Payload;
        int at = 3;
        string firmware = ReadString(p, ref at);
        string board = ReadString(p, ref at);
        return new BoardHello(p[0], BinaryPrimitives.ReadUInt16LittleEndian(p.AsSpan(1)), firmware, board,
            BinaryPrimitives.ReadInt32LittleEndian(p.AsSpan(at)), BinaryPrimitives.ReadUInt16LittleEndian(p.AsSpan(at + 4)), BinaryPrimitives.ReadUInt16LittleEndian(p.AsSpan(at + 6)));
    }

    public async Task<BoardStatus> StatusAsync(CancellationToken cancellationToken = default) =>
        BoardStatus.Parse(await Link.CallAsync(LinkCommand.Status, ReadOnlyMemory<byte>.Empty, "status", cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Uploads a model (.edgem) or drift profile (.edgp): announces length and CRC-32, continues an
    /// identical interrupted upload from where the board has it, sends chunks, and commits. The
    /// board verifies the CRC and loads the file before it replaces what runs; a failure leaves the
    /// old one running. Returns the committed model id (hex; "" for a profile).
    /// </summary>
    public async Task<UploadResult> UploadAsync(byte kind, byte[] file, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var begin = new byte[9];
        begin[0] = kind;
        BinaryPrimitives.WriteInt32LittleEndian(begin.AsSpan(1), file.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(begin.AsSpan(5), System.IO.Hashing.Crc32.HashToUInt32(file));
        var started = await Link.CallAsync(LinkCommand.UploadBegin, begin, "the upload", cancellationToken).ConfigureAwait(false);
        int offset = BinaryPrimitives.ReadInt32LittleEndian(started);
        int resumedAt = offset;
        var chunk = new byte[LinkFrame.MaxPayload];
        // On a noisy line a large frame rarely arrives whole: halve the chunk when a chunk needed
        // resends, grow it back after a run of clean ones.
        int chunkBytes = ChunkBytes;
        int cleanRun = 0;
        while (offset < file.Length)
        {
            int count = Math.Min(chunkBytes, file.Length - offset);
            BinaryPrimitives.WriteInt32LittleEndian(chunk, offset);
            Array.Copy(file, offset, chunk, 4, count);
            var response = await Link.RequestAsync(LinkCommand.UploadChunk, chunk.AsMemory(0, 4 + count), cancellationToken).ConfigureAwait(false);
            int next = BinaryPrimitives.ReadInt32LittleEndian(response.Payload);
            if (response.Status == LinkStatus.BadOffset) { offset = next; continue; } // the board says where it is: carry on from there
            if (!response.Ok) throw new BoardCommandException($"board at {Address} refused upload chunk at {offset}: {response.StatusName}", response);
            if (response.Attempts > 2) { chunkBytes = Math.Max(MinChunkBytes, chunkBytes / 2); cleanRun = 0; }
            else if (response.Attempts == 1 && ++cleanRun >= 8) { chunkBytes = Math.Min(ChunkBytes, chunkBytes * 2); cleanRun = 0; }
            offset = next;
            progress?.Report(offset);
        }
        var committed = await Link.RequestAsync(LinkCommand.UploadCommit, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        if (!committed.Ok)
        {
            string detail = committed.Status == LinkStatus.InvalidFile ? ": " + committed.Message : "";
            throw new BoardCommandException($"board at {Address} did not take the {UploadName(kind)}: {committed.StatusName}{detail}; it keeps running what it had", committed);
        }
        string id = committed.Payload.AsSpan(1, 8).ToArray().All(b => b == 0) ? "" : Convert.ToHexString(committed.Payload, 1, 8).ToLowerInvariant();
        return new UploadResult(kind, id, file.Length, resumedAt);
    }

    public async Task<(byte Kind, int Length, uint Crc, int Offset)> UploadStatusAsync(CancellationToken cancellationToken = default)
    {
        var p = await Link.CallAsync(LinkCommand.UploadStatus, ReadOnlyMemory<byte>.Empty, "upload status", cancellationToken).ConfigureAwait(false);
        return (p[0], BinaryPrimitives.ReadInt32LittleEndian(p.AsSpan(1)), BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(5)), BinaryPrimitives.ReadInt32LittleEndian(p.AsSpan(9)));
    }

    /// <summary>Tells the board how rows are laid out (see <see cref="RowLayout"/>).</summary>
    public async Task ConfigureRowsAsync(RowLayout layout, CancellationToken cancellationToken = default)
    {
        var p = new byte[11 + 2 * layout.DriftSources.Count];
        BinaryPrimitives.WriteUInt16LittleEndian(p, (ushort)layout.Width);
        BinaryPrimitives.WriteUInt16LittleEndian(p.AsSpan(2), (ushort)layout.ModelInputStart);
        p[4] = layout.AnomalyRule;
        BinaryPrimitives.WriteSingleLittleEndian(p.AsSpan(5), layout.AnomalyThreshold);
        BinaryPrimitives.WriteUInt16LittleEndian(p.AsSpan(9), (ushort)layout.DriftSources.Count);
        for (int i = 0; i < layout.DriftSources.Count; i++) BinaryPrimitives.WriteInt16LittleEndian(p.AsSpan(11 + 2 * i), layout.DriftSources[i]);
        var response = await Link.RequestAsync(LinkCommand.ConfigureRows, p, cancellationToken).ConfigureAwait(false);
        if (!response.Ok) throw new BoardCommandException($"board at {Address} refused the row layout: {response.StatusName}{(response.Payload.Length > 0 ? ": " + response.Message : "")}", response);
    }

    /// <summary>Rows that fit one frame at this width.</summary>
    public static int RowsPerFrame(int width) => Math.Max(1, (LinkFrame.MaxPayload - 2) / (4 * width));

    /// <summary>
    /// Sends rows[from..] (at most one frame's worth); the board stops after a row that completes a
    /// drift window. Returns how many rows it took, its sample count and its completed windows.
    /// </summary>
    public async Task<(int Taken, long Samples, long Windows)> SendRowsAsync(IReadOnlyList<float[]> rows, int from, CancellationToken cancellationToken = default)
    {
        int width = rows[from].Length;
        int count = Math.Min(RowsPerFrame(width), rows.Count - from);
        var p = new byte[2 + count * width * 4];
        BinaryPrimitives.WriteUInt16LittleEndian(p, (ushort)count);
        for (int r = 0; r < count; r++)
        for (int i = 0; i < width; i++)
            BinaryPrimitives.WriteSingleLittleEndian(p.AsSpan(2 + 4 * (r * width + i)), rows[from + r][i]);
        var q = await Link.CallAsync(LinkCommand.Rows, p, "rows", cancellationToken).ConfigureAwait(false);
        return (BinaryPrimitives.ReadUInt16LittleEndian(q), BinaryPrimitives.ReadUInt32LittleEndian(q.AsSpan(2)), BinaryPrimitives.ReadUInt32LittleEndian(q.AsSpan(6)));
    }

    /// <summary>The last window's report, all columns (several requests when it spans pages).</summary>
    public async Task<WindowReport> WindowAsync(CancellationToken cancellationToken = default)
    {
        WindowReport? report = null;
        int first = 0;
        do
        {
            var request = new byte[4];
            BinaryPrimitives.WriteUInt16LittleEndian(request, (ushort)first);
            BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(2), ushort.MaxValue);
            var page = WindowReport.ParsePage(await Link.CallAsync(LinkCommand.Window, request, "the window report", cancellationToken).ConfigureAwait(false));
            if (report is not null && page.Index != report.Index) throw new BoardLinkException($"board at {Address} closed a window while its report was read");
            report = report is null ? page : report.Join(page);
            first += page.Columns.Count;
            if (page.Columns.Count == 0) break;
        } while (!report.Complete);
        return report;
    }

    public async Task SetVectorAsync(int slot, float[] values, CancellationToken cancellationToken = default)
    {
        int perFrame = (LinkFrame.MaxPayload - 4) / 4;
        for (int start = 0; start < values.Length; start += perFrame)
        {
            int count = Math.Min(perFrame, values.Length - start);
            var p = new byte[4 + 4 * count];
            BinaryPrimitives.WriteUInt16LittleEndian(p, (ushort)slot);
            BinaryPrimitives.WriteUInt16LittleEndian(p.AsSpan(2), (ushort)start);
            for (int i = 0; i < count; i++) BinaryPrimitives.WriteSingleLittleEndian(p.AsSpan(4 + 4 * i), values[start + i]);
            await Link.CallAsync(LinkCommand.SetVector, p, $"vector {slot}", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the stored vectors first..first+count-1, repeats times, with the trigger pin raised around each inference.</summary>
    public async Task<InferenceRun> InferAsync(int first, int count, int repeats, int outputsPerVector, CancellationToken cancellationToken = default)
    {
        var p = new byte[7];
        BinaryPrimitives.WriteUInt16LittleEndian(p, (ushort)first);
        BinaryPrimitives.WriteUInt16LittleEndian(p.AsSpan(2), (ushort)count);
        BinaryPrimitives.WriteUInt16LittleEndian(p.AsSpan(4), (ushort)repeats);
        p[6] = 1;
        var q = await Link.CallAsync(LinkCommand.Infer, p, "the inference run", cancellationToken).ConfigureAwait(false);
        var outputs = new float[count][];
        for (int s = 0; s < count; s++)
        {
            outputs[s] = new float[outputsPerVector];
            for (int k = 0; k < outputsPerVector; k++) outputs[s][k] = BinaryPrimitives.ReadSingleLittleEndian(q.AsSpan(16 + 4 * (s * outputsPerVector + k)));
        }
        return new InferenceRun(BinaryPrimitives.ReadInt32LittleEndian(q), BinaryPrimitives.ReadUInt32LittleEndian(q.AsSpan(4)),
            BinaryPrimitives.ReadUInt32LittleEndian(q.AsSpan(8)), BinaryPrimitives.ReadUInt32LittleEndian(q.AsSpan(12)), outputs);
    }

    public async Task SetTelemetryAsync(int statusIntervalMs, bool windowReports, CancellationToken cancellationToken = default)
    {
        var p = new byte[3];
        BinaryPrimitives.WriteUInt16LittleEndian(p, (ushort)statusIntervalMs);
        p[2] = (byte)(windowReports ? 1 : 0);
        await Link.CallAsync(LinkCommand.Telemetry, p, "the telemetry setting", cancellationToken).ConfigureAwait(false);
    }

    public async Task<(string State, int Rows, int Columns, int FrozenAtWindow)> CaptureInfoAsync(CancellationToken cancellationToken = default)
    {
        var p = await Link.CallAsync(LinkCommand.CaptureInfo, ReadOnlyMemory<byte>.Empty, "capture info", cancellationToken).ConfigureAwait(false);
        return (Device.Drift.CaptureState.Name(p[0]), BinaryPrimitives.ReadUInt16LittleEndian(p.AsSpan(1)), BinaryPrimitives.ReadUInt16LittleEndian(p.AsSpan(3)), BinaryPrimitives.ReadInt32LittleEndian(p.AsSpan(5)));
    }

    /// <summary>Every row the board's capture holds: (sample number, anomalous, fixed-point values).</summary>
    public async Task<IReadOnlyList<(long Sample, bool Anomalous, int[] Values)>> CaptureReadAsync(CancellationToken cancellationToken = default)
    {
        var (_, rows, columns, _) = await CaptureInfoAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<(long, bool, int[])>();
        while (result.Count < rows)
        {
            var request = new byte[4];
            BinaryPrimitives.WriteUInt16LittleEndian(request, (ushort)result.Count);
            BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(2), (ushort)(rows - result.Count));
            var p = await Link.CallAsync(LinkCommand.CaptureRead, request, "capture read", cancellationToken).ConfigureAwait(false);
            int perRow = 5 + 4 * columns;
            if (p.Length == 0 || p.Length % perRow != 0) throw new BoardLinkException($"board at {Address} sent a capture page of {p.Length} bytes");
            for (int at = 0; at < p.Length; at += perRow)
            {
                var values = new int[columns];
                for (int c = 0; c < columns; c++) values[c] = BinaryPrimitives.ReadInt32LittleEndian(p.AsSpan(at + 5 + 4 * c));
                result.Add((BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(at)), p[at + 4] != 0, values));
            }
        }
        return result;
    }

    public Task AcknowledgeAsync(CancellationToken cancellationToken = default) =>
        Link.CallAsync(LinkCommand.Acknowledge, ReadOnlyMemory<byte>.Empty, "the acknowledge", cancellationToken);

    public static string UploadName(byte kind) => kind == UploadKind.Model ? "model" : "drift profile";

    private static string ReadString(byte[] p, ref int at)
    {
        int n = p[at];
        string s = Encoding.ASCII.GetString(p, at + 1, n);
        at += 1 + n;
        return s;
    }

    public ValueTask DisposeAsync() => Link.DisposeAsync();
}

/// <summary>What an upload did: the kind, the committed model id, the bytes, and where it resumed (0: from the start).</summary>
public sealed record UploadResult(byte Kind, string ModelId, int Length, int ResumedAt);

/// <summary>An `infer` run: inferences, their total, shortest and longest time (board microseconds), and the outputs per vector.</summary>
public sealed record InferenceRun(int Inferences, long TotalMicros, long MinMicros, long MaxMicros, float[][] Outputs)
{
    public double MeanMicros => Inferences == 0 ? 0 : (double)TotalMicros / Inferences;
}
