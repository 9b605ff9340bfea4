using Edge.Ads.Types;

namespace Edge.Ads.Tests.Types;

[TestClass]
public sealed class PlcValueTests
{
    private static readonly PlcStructType Type = new PlcStructBuilder("ST_V")
        .Add("b", PlcTypes.Bool).Add("si", PlcTypes.SInt).Add("i", PlcTypes.Int).Add("ud", PlcTypes.UDInt)
        .Add("li", PlcTypes.LInt).Add("ul", PlcTypes.ULInt).Add("r", PlcTypes.Real).Add("lr", PlcTypes.LReal)
        .Add("s", PlcTypes.String(5)).Add("w", PlcTypes.WString(3)).Build();

    [TestMethod]
    public void WritesLittleEndianAndReadsBack()
    {
        var bytes = new byte[Type.Size];
        var writer = new PlcValueWriter(bytes);
        writer.Set(At("b"), true);
        writer.Set(At("si"), -2);
        writer.Set(At("i"), -12345);
        writer.Set(At("ud"), 0xDEADBEEFUL);
        writer.Set(At("li"), long.MinValue);
        writer.Set(At("ul"), ulong.MaxValue);
        writer.Set(At("r"), 0.1f);
        writer.Set(At("lr"), Math.PI);
        writer.Set(At("s"), "motor");
        writer.Set(At("w"), "Ωk");

        CollectionAssert.AreEqual(new byte[] { 0xC7, 0xCF }, bytes[At("i").Offset..(At("i").Offset + 2)], "-12345 little-endian");
        CollectionAssert.AreEqual(new byte[] { 0xEF, 0xBE, 0xAD, 0xDE }, bytes[At("ud").Offset..(At("ud").Offset + 4)]);
        var reader = new PlcValueReader(bytes);
        Assert.IsTrue(reader.GetBool(At("b")));
        Assert.AreEqual(-2, reader.GetInt64(At("si")));
        Assert.AreEqual(-12345, reader.GetInt64(At("i")));
        Assert.AreEqual(0xDEADBEEFUL, reader.GetUInt64(At("ud")));
        Assert.AreEqual(long.MinValue, reader.GetInt64(At("li")));
        Assert.AreEqual(ulong.MaxValue, reader.GetUInt64(At("ul")));
        Assert.AreEqual((double)0.1f, reader.GetDouble(At("r")));
        Assert.AreEqual(Math.PI, reader.GetDouble(At("lr")));
        Assert.AreEqual("motor", reader.GetString(At("s")));
        Assert.AreEqual(0, bytes[At("s").Offset + 5], "a full STRING(5) still ends in NUL");
        Assert.AreEqual("Ωk", reader.GetString(At("w")));
    }

    [TestMethod]
    public void RefusesValuesThatDoNotFit()
    {
        var bytes = new byte[Type.Size];
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new PlcValueWriter(bytes).Set(At("si"), 128));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new PlcValueWriter(bytes).Set(At("ud"), -1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new PlcValueWriter(bytes).Set(At("ud"), 0x1_0000_0000UL));
        Assert.ThrowsExactly<ArgumentException>(() => new PlcValueWriter(bytes).Set(At("s"), "too long"));
        Assert.ThrowsExactly<ArgumentException>(() => new PlcValueWriter(bytes).Set(At("s"), "Ω"), "not a single-byte character");
        Assert.ThrowsExactly<ArgumentException>(() => new PlcValueWriter(bytes).Set(At("r"), true), "BOOL into REAL");
        Assert.ThrowsExactly<ArgumentException>(() => new PlcValueWriter(bytes).Set(At("b"), 1.0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new PlcValueWriter(new byte[4]).Set(At("lr"), 1.0), "location outside the value");
        Assert.IsTrue(bytes.All(b => b == 0), "nothing was written by refused calls");
    }

    private static PlcLocation At(string path) => Type.Locate(path);
}
