using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Edge.Ads.Ams;
using Edge.Ads.Framing;
using Edge.Ads.Protocol;

namespace Edge.Ads.Tests.Support;

/// <summary>
/// A socket that sends bytes exactly as given and reads whole frames back, for tests that must
/// send what a well-behaved client would not.
/// </summary>
internal sealed class RawAmsSocket : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly AmsFrameReader _frames;

    private RawAmsSocket(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _frames = new AmsFrameReader(PipeReader.Create(_stream), 16 * 1024 * 1024);
    }

    /// <param name="from">A loopback address to connect from (127.0.0.2, ...), so one test can be several peers.</param>
    /// <param name="receiveBuffer">A small socket receive buffer, for a peer that is to fall behind quickly.</param>
    public static async Task<RawAmsSocket> ConnectAsync(int port, IPAddress? from = null, int? receiveBuffer = null)
    {
        var tcp = from is null ? new TcpClient { NoDelay = true } : new TcpClient(new IPEndPoint(from, 0)) { NoDelay = true };
        if (receiveBuffer is { } size)
            tcp.ReceiveBufferSize = size;
        await tcp.ConnectAsync("127.0.0.1", port);
        return new RawAmsSocket(tcp);
    }

    public async Task SendAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    /// <summary>The next frame, or null when the server closed the connection.</summary>
    public async Task<AmsFrameReadResult?> ReadFrameAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        try
        {
            var read = await _frames.ReadAsync(cts.Token);
            return read.Status == AmsFrameStatus.Frame ? read with { Body = read.Body.ToArray() } : null;
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            return null; // reset by the server
        }
    }

    /// <summary>The next ADS answer: its header and payload.</summary>
    public async Task<(AmsHeader Header, byte[] Payload)> ReadAnswerAsync()
    {
        var frame = await ReadFrameAsync() ?? throw new AssertFailedException("the server closed the connection instead of answering");
        Assert.AreEqual(AmsTcpCommand.AdsCommand, frame.TcpHeader.Command);
        var header = AmsHeader.Read(frame.Body.Span);
        return (header, frame.Body[AmsHeader.Size..].ToArray());
    }

    /// <summary>True when the server closes the connection (without sending anything else first).</summary>
    public async Task<bool> IsClosedByServerAsync()
    {
        var frame = await ReadFrameAsync(TimeSpan.FromSeconds(5));
        return frame is null;
    }

    public static byte[] Request(AmsAddress target, AmsAddress source, AdsCommandId command, ReadOnlySpan<byte> payload, uint invokeId = 1) =>
        AmsFrame.CreateAds(new AmsHeader(target, source, command, AmsStateFlags.Request, 0, AdsErrorCode.NoError, invokeId), payload);

    public async ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        await Task.CompletedTask;
    }
}
