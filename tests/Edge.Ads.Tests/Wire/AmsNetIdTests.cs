using System.Net;
using Edge.Ads.Ams;

namespace Edge.Ads.Tests.Wire;

[TestClass]
public sealed class AmsNetIdTests
{
    [TestMethod]
    public void ParsesAndPrintsTheDottedForm()
    {
        var id = AmsNetId.Parse("192.168.7.1.1.1");
        Assert.AreEqual("192.168.7.1.1.1", id.ToString());
        Assert.AreEqual(192, id[0]);
        Assert.AreEqual(1, id[5]);
    }

    [TestMethod]
    public void TravelsAsSixBytesInTextOrder()
    {
        var bytes = new byte[6];
        AmsNetId.Parse("10.0.0.77.1.1").Write(bytes);
        CollectionAssert.AreEqual(new byte[] { 10, 0, 0, 77, 1, 1 }, bytes);
        Assert.AreEqual(AmsNetId.Parse("10.0.0.77.1.1"), AmsNetId.Read(bytes));
    }

    [TestMethod]
    public void LocalIsWhatClientsSendForLocalhost() =>
        Assert.AreEqual("127.0.0.1.1.1", AmsNetId.Local.ToString());

    [TestMethod]
    public void FromIPv4AppendsOneOne() =>
        Assert.AreEqual("172.16.3.9.1.1", AmsNetId.FromIPv4(IPAddress.Parse("::ffff:172.16.3.9")).ToString());

    [TestMethod]
    [DataRow("1.2.3.4.5")]
    [DataRow("1.2.3.4.5.6.7")]
    [DataRow("1.2.3.4.5.256")]
    [DataRow("1.2.3.4.5.-1")]
    [DataRow("a.b.c.d.e.f")]
    [DataRow("")]
    public void RejectsWhatIsNotSixBytes(string text)
    {
        Assert.IsFalse(AmsNetId.TryParse(text, out _));
        Assert.ThrowsExactly<FormatException>(() => AmsNetId.Parse(text));
    }

    [TestMethod]
    public void AddressesParseWithTheirPort()
    {
        var address = AmsAddress.Parse("5.6.7.8.1.1:851");
        Assert.AreEqual(AmsNetId.Parse("5.6.7.8.1.1"), address.NetId);
        Assert.AreEqual(851, address.Port);
        Assert.AreEqual("5.6.7.8.1.1:851", address.ToString());
    }

    [TestMethod]
    public void TheIndexerReadsSixBytesAndNoMore()
    {
        var id = AmsNetId.Parse("1.2.3.4.5.250");
        Assert.AreEqual(250, id[5], "the top byte, read without sign extension");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => id[6]);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => id[-1]);
    }

    [TestMethod]
    public void ShortBuffersAndNonIPv4AddressesAreRefusedByName()
    {
        var read = Assert.ThrowsExactly<ArgumentException>(() => AmsNetId.Read(new byte[5]));
        StringAssert.Contains(read.Message, "needs 6 bytes, got 5");
        var write = Assert.ThrowsExactly<ArgumentException>(() => AmsNetId.Local.Write(new byte[5]));
        StringAssert.Contains(write.Message, "needs 6 bytes, got 5");
        var ipv6 = Assert.ThrowsExactly<ArgumentException>(() => AmsNetId.FromIPv4(IPAddress.Parse("fe80::1")));
        StringAssert.Contains(ipv6.Message, "needs an IPv4 address, got fe80::1");
        var text = Assert.ThrowsExactly<FormatException>(() => AmsNetId.Parse("1.2.3"));
        StringAssert.Contains(text.Message, "'1.2.3' is not an AMS net id");
    }

    [TestMethod]
    public void NullIsNotANetId()
    {
        Assert.IsFalse(AmsNetId.TryParse(null, out var id));
        Assert.AreEqual(AmsNetId.Empty, id);
    }

    [TestMethod]
    public void EqualityIsByAllSixBytes()
    {
        var a = AmsNetId.Parse("1.2.3.4.1.1");
        Assert.IsTrue(a == AmsNetId.Parse("1.2.3.4.1.1"));
        Assert.IsFalse(a != AmsNetId.Parse("1.2.3.4.1.1"));
        Assert.IsTrue(a != AmsNetId.Parse("1.2.3.4.1.2"));
        Assert.IsFalse(a == AmsNetId.Parse("1.2.3.4.1.2"));
    }

    [TestMethod]
    [DataRow("5.6.7.8.1.1", DisplayName = "no port")]
    [DataRow("5.6.7.8.1.1:x", DisplayName = "port not a number")]
    [DataRow("5.6.7.8.1.1:65536", DisplayName = "port too large")]
    public void AddressesWithoutAValidPortAreRefusedWithTheirText(string text)
    {
        var error = Assert.ThrowsExactly<FormatException>(() => AmsAddress.Parse(text));
        StringAssert.Contains(error.Message, $"'{text}' is not an AMS address");
    }
}
