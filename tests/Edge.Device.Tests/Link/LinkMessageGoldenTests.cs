using System.Collections;
using System.Reflection;
using Edge.Device.Codec;
using Edge.Device.Link.Messages;
using Edge.TestSupport;

namespace Edge.Device.Tests.Link;

/// <summary>
/// Every link message against its golden hex (<see cref="LinkGoldens"/>), both ways: the codec
/// writes exactly the golden bytes, and reads them back into the same fields. The golden bytes
/// were written from firmware/docs/link-protocol.md field by field, not from the codec.
/// </summary>
[TestClass]
public sealed class LinkMessageGoldenTests
{
    public static IEnumerable<object[]> Goldens => LinkGoldens.All.Select(g => new object[] { g.Name });

    [TestMethod]
    [DynamicData(nameof(Goldens))]
    public void EncodesToTheGoldenBytes(string name)
    {
        var golden = LinkGoldens.Of(name);
        var expected = GoldenHex.Parse(golden.Hex);
        var buffer = new byte[Device.Link.LinkFrame.MaxPayload + 8];
        int length = golden.Filled().Write(buffer, 3);
        Assert.AreEqual(GoldenHex.Format(expected), GoldenHex.Format(buffer.AsSpan(3, length)), name);
    }

    [TestMethod]
    [DynamicData(nameof(Goldens))]
    public void DecodesTheGoldenBytesIntoTheFields(string name)
    {
        var golden = LinkGoldens.Of(name);
        var bytes = GoldenHex.Parse(golden.Hex);
        var framed = new byte[bytes.Length + 10];
        bytes.CopyTo(framed, 5); // somewhere inside a frame, as on the board
        var decoded = golden.Blank();
        decoded.Read(new ByteReader(framed, 5, bytes.Length, "golden " + name));
        AssertSameFields(golden.Filled(), decoded, name);
    }

    [TestMethod]
    [DynamicData(nameof(Goldens))]
    public void APayloadCutShortOrTooLongFailsNamingWhatIsWrong(string name)
    {
        if (name is "ErrorText" or "UploadChunkRequest") return; // any length is a message, or chunk data
        var golden = LinkGoldens.Of(name);
        var bytes = GoldenHex.Parse(golden.Hex);
        var cut = Assert.ThrowsExactly<EdgeFormatException>(() => golden.Blank().Read(new ByteReader(bytes, 0, bytes.Length - 1, "short " + name)));
        StringAssert.Contains(cut.Message, "short " + name);
        var longer = bytes.Concat(new byte[] { 0 }).ToArray();
        var extra = Assert.ThrowsExactly<EdgeFormatException>(() => golden.Blank().Read(new ByteReader(longer, 0, longer.Length, "long " + name)));
        StringAssert.Contains(extra.Message, "long " + name);
    }

    [TestMethod]
    public void ATruncatedFieldIsNamed()
    {
        var bytes = GoldenHex.Parse(LinkGoldens.Of("UploadBeginRequest").Hex);
        var e = Assert.ThrowsExactly<EdgeFormatException>(() => new UploadBeginRequest().Read(new ByteReader(bytes, 0, 3, "request")));
        Assert.AreEqual("request: truncated while reading length: needs 4 bytes, 2 left (at byte 1)", e.Message);
    }

    [TestMethod]
    public void ValuesAFieldCannotHoldAreRefusedNotCast()
    {
        var buffer = new byte[64];
        // The reported class: -r 1000000 ran 16,960 times (a u16 cast), -r -1 ran 65,535.
        var repeats = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new InferRequest { Count = 1, Repeats = 1_000_000 }.Write(buffer, 0));
        Assert.AreEqual("repeats", repeats.ParamName);
        Assert.AreEqual("repeats", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new InferRequest { Count = 1, Repeats = -1 }.Write(buffer, 0)).ParamName);
        Assert.AreEqual("slot count", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new InferRequest { Count = 70_000, Repeats = 1 }.Write(buffer, 0)).ParamName);
        Assert.AreEqual("row width", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ConfigureRowsRequest { Width = 70_000 }.Write(buffer, 0)).ParamName);
        Assert.AreEqual("window", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new HelloRequest { Window = 256 }.Write(buffer, 0)).ParamName);
        Assert.AreEqual("samples", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new StatusRecord { Samples = -1 }.Write(buffer, 0)).ParamName);
    }

    [TestMethod]
    public void RowsStayInTheFrameAndReadOutRowByRow()
    {
        var bytes = GoldenHex.Parse(LinkGoldens.Of("RowsRequest").Hex);
        var request = new RowsRequest();
        request.Read(new ByteReader(bytes, 0, bytes.Length, "rows"));
        var floats = new float[2];
        var bits = new int[2];
        request.CopyRow(1, 2, floats, bits);
        CollectionAssert.AreEqual(new[] { -0.5f, 0.25f }, floats);
        CollectionAssert.AreEqual(new[] { BitConverter.SingleToInt32Bits(-0.5f), BitConverter.SingleToInt32Bits(0.25f) }, bits);
    }

    /// <summary>Public fields and properties of plain values and arrays; views into a frame (Buffer, ...At) are compared by what they hold.</summary>
    private static void AssertSameFields(LinkMessage expected, LinkMessage actual, string name)
    {
        switch (expected)
        {
            case RowsRequest rows:
            {
                var read = (RowsRequest)actual;
                Assert.AreEqual(rows.FirstRow, read.FirstRow, name);
                Assert.AreEqual(rows.Windows, read.Windows, name);
                Assert.AreEqual(rows.Count, read.Count, name);
                Assert.AreEqual(rows.Values.Length, read.ValueCount, name);
                var floats = new float[rows.Values.Length];
                read.CopyRow(0, rows.Values.Length, floats, new int[floats.Length]);
                CollectionAssert.AreEqual(rows.Values, floats, name);
                return;
            }
            case SetVectorRequest vector:
            {
                var read = (SetVectorRequest)actual;
                Assert.AreEqual(vector.Slot, read.Slot, name);
                Assert.AreEqual(vector.Start, read.Start, name);
                Assert.AreEqual(vector.Count, read.Count, name);
                var floats = new float[read.Count];
                read.CopyValues(floats, new int[floats.Length], 0);
                CollectionAssert.AreEqual(vector.Values, floats, name);
                return;
            }
            case UploadChunkRequest chunk:
            {
                var read = (UploadChunkRequest)actual;
                Assert.AreEqual(chunk.Offset, read.Offset, name);
                CollectionAssert.AreEqual(chunk.Data.AsSpan(chunk.DataOffset, chunk.DataLength).ToArray(), read.Data.AsSpan(read.DataOffset, read.DataLength).ToArray(), name);
                return;
            }
        }
        foreach (var member in expected.GetType().GetMembers(BindingFlags.Public | BindingFlags.Instance))
        {
            object? want = member switch
            {
                FieldInfo f => f.GetValue(expected),
                PropertyInfo p when p.GetIndexParameters().Length == 0 => p.GetValue(expected),
                _ => null,
            };
            if (want is null || member.Name == nameof(LinkMessage.GetType)) continue;
            object? got = member is FieldInfo field ? field.GetValue(actual) : ((PropertyInfo)member).GetValue(actual);
            if (want is IEnumerable list and not string)
                CollectionAssert.AreEqual(Flatten(list), Flatten((IEnumerable)got!), $"{name}.{member.Name}");
            else
                Assert.AreEqual(want, got, $"{name}.{member.Name}");
        }
    }

    private static object?[] Flatten(IEnumerable values) =>
        values.Cast<object?>().SelectMany(v => v is IEnumerable inner and not string ? inner.Cast<object?>() : [v]).ToArray();
}
