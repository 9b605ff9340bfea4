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

    [TestMethod]
    public async Task AnOversizedLengthIsReportedFromTheSixByteHeaderAlone()
    {
        var pipe = new Pipe();
        var reader = new AmsFrameReader(pipe.Reader, 1024);
        await pipe.Writer.WriteAsync(Frame(9, 2000)[..AmsTcpHeader.Size]);
        var read = await reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.AreEqual(AmsFrameStatus.Oversized, read.Status);
        Assert.AreEqual(0, read.Body.Length, "no AMS header arrived to keep");
        Assert.AreEqual(AmsFrame.HeaderSize + 2000L, read.AnnouncedFrameSize);
    }

    [TestMethod]
    public async Task AnOversizedFrameKeepsOnlyItsAmsHeaderAndConsumesWhatArrived()
    {
        var pipe = new Pipe();
        var reader = new AmsFrameReader(pipe.Reader, 1024);
        await pipe.Writer.WriteAsync(Frame(9, 2000)[..100]);
        var read = await reader.ReadAsync();
        Assert.AreEqual(AmsFrameStatus.Oversized, read.Status);
        Assert.AreEqual(AmsHeader.Size, read.Body.Length, "the AMS header, not the payload behind it");
        Assert.AreEqual(100L, read.BufferedBytes);
        await pipe.Writer.CompleteAsync();
        Assert.AreEqual(AmsFrameStatus.EndOfStream, (await reader.ReadAsync()).Status, "the 100 bytes are not read again");
    }

    [TestMethod]
    public async Task AFrameOfExactlyTheLimitIsAccepted()
    {
        var frame = Frame(4, 10);
        var pipe = new Pipe();
        var reader = new AmsFrameReader(pipe.Reader, frame.Length);
        await pipe.Writer.WriteAsync(frame);
        Assert.AreEqual(AmsFrameStatus.Frame, (await reader.ReadAsync()).Status);
        var tooSmall = new AmsFrameReader(new Pipe().Reader, AmsFrame.HeaderSize);
        Assert.AreEqual(AmsFrame.HeaderSize, tooSmall.MaxFrameSize, "a limit of just the headers is allowed");
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new AmsFrameReader(new Pipe().Reader, AmsFrame.HeaderSize - 1));
        StringAssert.Contains(error.Message, "below 38 bytes");
    }

    [TestMethod]
    public async Task FramesLargerThanTheFirstBufferAreCopiedWhole()
    {
        var pipe = new Pipe();
        var reader = new AmsFrameReader(pipe.Reader, 8192);
        var small = Frame(1, 4);
        var large = Frame(2, 3000);
        new Random(5).NextBytes(large.AsSpan(AmsFrame.HeaderSize));
        await pipe.Writer.WriteAsync(small.Concat(large).ToArray());
        Assert.AreEqual(small.Length - AmsTcpHeader.Size, (await reader.ReadAsync()).Body.Length);
        var read = await reader.ReadAsync();
        CollectionAssert.AreEqual(large[AmsTcpHeader.Size..], read.Body.ToArray());
    }

    [TestMethod]
    public async Task APartialFrameIsAnnouncedOnceAndCountedUntilItCompletes()
    {
        // The reader's continuation runs inside each write (inline scheduler), so its state is settled when a write returns.
        var pipe = new Pipe(new PipeOptions(readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline, useSynchronizationContext: false));
        int announced = 0;
        var reader = new AmsFrameReader(pipe.Reader, 1024, () => announced++);
        var frame = Frame(5, 12);
        var read = reader.ReadAsync().AsTask();
        await pipe.Writer.WriteAsync(frame[..3]);
        await pipe.Writer.WriteAsync(frame[3..20]);
        Assert.AreEqual(1, announced, "once per frame, not per piece");
        Assert.AreEqual(20L, reader.PendingBytes);
        await pipe.Writer.WriteAsync(frame[20..]);
        Assert.AreEqual(AmsFrameStatus.Frame, (await read).Status);
        Assert.AreEqual(0L, reader.PendingBytes, "nothing pending between frames");

        var next = reader.ReadAsync().AsTask();
        await pipe.Writer.WriteAsync(frame[..10]);
        Assert.AreEqual(2, announced, "the next partial frame is announced again");
        await pipe.Writer.WriteAsync(frame[10..]);
        Assert.AreEqual(AmsFrameStatus.Frame, (await next).Status);
    }

    [TestMethod]
    public async Task ATruncatedFrameIsReportedOnce()
    {
        var pipe = new Pipe();
        var reader = new AmsFrameReader(pipe.Reader, 1024);
        await pipe.Writer.WriteAsync(Frame(1, 12)[..20]);
        await pipe.Writer.CompleteAsync();
        Assert.AreEqual(AmsFrameStatus.Truncated, (await reader.ReadAsync()).Status);
        Assert.AreEqual(AmsFrameStatus.EndOfStream, (await reader.ReadAsync()).Status);
    }

    [TestMethod]
    public async Task ACancelledReadThrows()
    {
        var pipe = new Pipe();
        var reader = new AmsFrameReader(pipe.Reader, 1024);
        var read = reader.ReadAsync().AsTask();
        pipe.Reader.CancelPendingRead();
        var cancelled = await Assert.ThrowsExactlyAsync<OperationCanceledException>(() => read);
        Assert.AreEqual("frame read was cancelled", cancelled.Message, "the message says what was cancelled");
    }
}
