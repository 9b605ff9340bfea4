using Edge.Ads.Ams;
using Edge.Ads.Protocol;
using Edge.Ads.Tests.Support;

namespace Edge.Ads.Tests.Wire;

/// <summary>The 32-byte AMS header of ads-protocol.md §1.2 on its own, every field at its offset.</summary>
[TestClass]
public sealed class AmsHeaderTests
{
    // A failed ReadWrite answer: every field nonzero and distinct, so a field written to the
    // wrong place or not at all shows.
    private static readonly AmsHeader FailedAnswer = new(
        AmsAddress.Parse("10.0.0.77.1.1:32750"),
        AmsAddress.Parse("192.168.7.1.1.1:851"),
        AdsCommandId.ReadWrite,
        AmsStateFlags.ResponseToRequest,
        8,
        AdsErrorCode.TargetPortNotFound,
        0x11223344);

    private static readonly byte[] FailedAnswerBytes = Hex.Parse("""
        0A 00 00 4D 01 01    // target net id 10.0.0.77.1.1
        EE 7F                // target port 32750
        C0 A8 07 01 01 01    // source net id 192.168.7.1.1.1
        53 03                // source port 851
        09 00                // command: ReadWrite
        05 00                // state flags: response (0x0005)
        08 00 00 00          // data length 8
        06 00 00 00          // error code 6: target port not found
        44 33 22 11          // invoke id
        """);

    [TestMethod]
    public void WritesEveryFieldAtItsOffset()
    {
        var bytes = new byte[AmsHeader.Size];
        FailedAnswer.Write(bytes);
        Assert.AreEqual(Hex.Format(FailedAnswerBytes), Hex.Format(bytes));
        Assert.AreEqual(FailedAnswer, AmsHeader.Read(FailedAnswerBytes));
    }

    [TestMethod]
    public void WritesIntoTheFrontOfALargerBufferAndLeavesTheRest()
    {
        var bytes = Enumerable.Repeat((byte)0xEE, AmsHeader.Size + 4).ToArray();
        FailedAnswer.Write(bytes);
        Assert.AreEqual(Hex.Format(FailedAnswerBytes) + "EEEEEEEE", Hex.Format(bytes));
    }

    [TestMethod]
    public void RefusesBuffersShorterThan32Bytes()
    {
        var read = Assert.ThrowsExactly<ArgumentException>(() => AmsHeader.Read(new byte[31]));
        StringAssert.Contains(read.Message, "32 bytes, got 31");
        var write = Assert.ThrowsExactly<ArgumentException>(() => FailedAnswer.Write(new byte[31]));
        StringAssert.Contains(write.Message, "32 bytes, got 31");
    }

    [TestMethod]
    public void OnlyTheResponseBitMakesAResponse()
    {
        Assert.IsTrue(FailedAnswer.IsResponse);
        Assert.IsFalse((FailedAnswer with { StateFlags = AmsStateFlags.Request }).IsResponse, "0x0004 is a request");
        Assert.IsFalse((FailedAnswer with { StateFlags = AmsStateFlags.AdsCommand | AmsStateFlags.Udp }).IsResponse, "0x0044 is a request over UDP");
    }
}
