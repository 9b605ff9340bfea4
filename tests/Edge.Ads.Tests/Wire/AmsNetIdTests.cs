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
}
