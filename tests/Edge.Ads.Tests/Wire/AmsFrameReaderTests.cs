using System.IO.Pipelines;
using Edge.Ads.Ams;
using Edge.Ads.Framing;
using Edge.Ads.Protocol;

namespace Edge.Ads.Tests.Wire;

/// <summary>TCP splits and joins frames; the reader must re-frame on the length and stop at the limit.</summary>
[TestClass]
public sealed class AmsFrameReaderTests
{
    private static byte[] Frame(uint invokeId, int payloadLength) => AmsFrame.CreateAds(
        new AmsHeader(AmsAddress.Parse("1.2.3.4.1.1:851"), AmsAddress.Parse("5.6.7.8.1.1:30000"), AdsCommandId.Read, AmsStateFlags.Request, 0, AdsErrorCode.NoError, invokeId),
        new byte[payloadLength]);

    [TestMethod]
    public async Task ReassemblesAFrameSentByteByByte()
    {
        var pipe = new Pipe();
        var reader = new AmsFrameReader(pipe.Reader, 1024);
        var frame = Frame(5, 12);
        var read = reader.ReadAsync().AsTask();
        for (int i = 0; i < frame.Length; i++)
        {
            Assert.IsFalse(read.IsCompleted, $"a frame after {i} of {frame.Length} bytes");
            await pipe.Writer.WriteAsync(new[] { frame[i] });
        }
        var result = await read;
        Assert.AreEqual(AmsFrameStatus.Frame, result.Status);
        CollectionAssert.AreEqual(frame[AmsTcpHeader.Size..], result.Body.ToArray());
    }

    [TestMethod]
    public async Task SplitsFramesThatArriveTogether()
    {
        var pipe = new Pipe();
        var reader = new AmsFrameReader(pipe.Reader, 1024);
        await pipe.Writer.WriteAsync(Frame(1, 12).Concat(Frame(2, 40)).Concat(Frame(3, 0)).ToArray());
        await pipe.Writer.CompleteAsync();
        var ids = new List<uint>();
        while ((await reader.ReadAsync()) is { Status: AmsFrameStatus.Frame } read)
            ids.Add(AmsHeader.Read(read.Body.Span).InvokeId);
        CollectionAssert.AreEqual(new uint[] { 1, 2, 3 }, ids);
    }

    [TestMethod]
    public async Task ReportsAStreamThatEndsInsideAFrame()
    {
        var pipe = new Pipe();
        var reader = new AmsFrameReader(pipe.Reader, 1024);
        await pipe.Writer.WriteAsync(Frame(1, 12)[..20]);
        await pipe.Writer.CompleteAsync();
        var read = await reader.ReadAsync();
        Assert.AreEqual(AmsFrameStatus.Truncated, read.Status);
        Assert.AreEqual(20, read.BufferedBytes);
    }

    [TestMethod]
    public async Task RejectsAnOversizedLengthBeforeItsPayloadArrives()
    {
        var pipe = new Pipe();
        var reader = new AmsFrameReader(pipe.Reader, 1024);
        var frame = Frame(9, 2000);
        // Only the headers are sent: the reader must not wait for (or buffer) the 2000 bytes.
        await pipe.Writer.WriteAsync(frame[..AmsFrame.HeaderSize]);
        var read = await reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.AreEqual(AmsFrameStatus.Oversized, read.Status);
        Assert.AreEqual(AmsFrame.HeaderSize + 2000L, read.AnnouncedFrameSize);
        Assert.AreEqual(9u, AmsHeader.Read(read.Body.Span).InvokeId, "the AMS header is kept so the peer can be answered");
    }

    [TestMethod]
    public async Task ReportsAnEmptyEndBetweenFrames()
    {
        var pipe = new Pipe();
        var reader = new AmsFrameReader(pipe.Reader, 1024);
        await pipe.Writer.CompleteAsync();
        Assert.AreEqual(AmsFrameStatus.EndOfStream, (await reader.ReadAsync()).Status);
    }
}
