using Edge.Ads.Ams;
using Edge.Ads.Framing;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Tests.Support;

namespace Edge.Ads.Tests.Wire;

/// <summary>Whole frames against the layouts of ads-protocol.md §1.1 (AMS/TCP header) and §1.2 (AMS header).</summary>
[TestClass]
public sealed class AmsFrameTests
{
    // A Read of 4 bytes at 0x4040:0x10, from 10.0.0.77.1.1:32750 to 192.168.7.1.1.1:851, invoke id 0x11223344.
    private static readonly byte[] ReadRequest = Hex.Parse("""
        00 00                // AMS/TCP command: ADS frame
        2C 00 00 00          // AMS/TCP length: 32 header + 12 payload
        C0 A8 07 01 01 01    // target net id 192.168.7.1.1.1
        53 03                // target port 851
        0A 00 00 4D 01 01    // source net id 10.0.0.77.1.1
        EE 7F                // source port 32750
        02 00                // command: Read
        04 00                // state flags: request (ADS command)
        0C 00 00 00          // data length 12
        00 00 00 00          // error code
        44 33 22 11          // invoke id
        40 40 00 00          // index group 0x4040
        10 00 00 00          // index offset 0x10
        04 00 00 00          // length 4
        """);

    private static readonly AmsHeader ReadHeader = new(
        AmsAddress.Parse("192.168.7.1.1.1:851"),
        AmsAddress.Parse("10.0.0.77.1.1:32750"),
        AdsCommandId.Read,
        AmsStateFlags.Request,
        12,
        AdsErrorCode.NoError,
        0x11223344);

    [TestMethod]
    public void BuildsTheDocumentedReadFrame()
    {
        var payload = new AdsBufferWriter();
        AdsRequestEncoder.WriteRead(payload, new AdsReadRequest(0x4040, 0x10, 4));
        var frame = AmsFrame.CreateAds(ReadHeader with { DataLength = 0 }, payload.WrittenSpan);
        Assert.AreEqual(Hex.Format(ReadRequest), Hex.Format(frame));
    }

    [TestMethod]
    public void ReadsTheDocumentedReadFrame()
    {
        var tcp = AmsTcpHeader.Read(ReadRequest);
        Assert.AreEqual(new AmsTcpHeader(AmsTcpCommand.AdsCommand, 44), tcp);
        var header = AmsHeader.Read(ReadRequest.AsSpan(AmsTcpHeader.Size));
        Assert.AreEqual(ReadHeader, header);
        Assert.IsTrue(AdsRequestDecoder.TryDecodeRead(ReadRequest.AsSpan(AmsFrame.HeaderSize), out var read));
        Assert.AreEqual(new AdsReadRequest(0x4040, 0x10, 4), read);
    }

    [TestMethod]
    public void AResponseSwapsTargetAndSourceAndEchoesTheInvokeId()
    {
        var response = ReadHeader.ToResponse();
        Assert.AreEqual(ReadHeader.Source, response.Target);
        Assert.AreEqual(ReadHeader.Target, response.Source);
        Assert.AreEqual(ReadHeader.InvokeId, response.InvokeId);
        Assert.AreEqual(ReadHeader.Command, response.Command);
        Assert.AreEqual((AmsStateFlags)0x0005, response.StateFlags, "responses carry state flags 0x0005");
        Assert.IsTrue(response.IsResponse);
    }

    [TestMethod]
    public void EndAdsFillsBothLengthsAndAnErrorCodeCanBeSet()
    {
        var writer = new AdsBufferWriter();
        writer.Write([0xAA, 0xBB]); // frames can follow other bytes in one buffer
        int start = AmsFrame.BeginAds(writer, ReadHeader.ToResponse());
        writer.WriteUInt32(7);
        AmsFrame.SetErrorCode(writer, start, AdsErrorCode.TargetPortNotFound);
        AmsFrame.EndAds(writer, start);
        var frame = writer.WrittenSpan[start..];
        Assert.AreEqual(32u + 4, AmsTcpHeader.Read(frame).Length);
        var header = AmsHeader.Read(frame[AmsTcpHeader.Size..]);
        Assert.AreEqual(4u, header.DataLength);
        Assert.AreEqual(AdsErrorCode.TargetPortNotFound, header.ErrorCode);
    }

    [TestMethod]
    public void PortConnectIsAnAmsTcpFrameWithoutAmsHeader()
    {
        var writer = new AdsBufferWriter();
        AmsFrame.WriteAmsTcp(writer, AmsTcpCommand.PortConnect, [0x00, 0x00]);
        Assert.AreEqual(Hex.Format(Hex.Parse("00 10  02 00 00 00  00 00")), Hex.Format(writer.WrittenSpan));
    }
}
