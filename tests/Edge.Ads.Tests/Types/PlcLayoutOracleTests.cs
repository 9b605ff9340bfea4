using Edge.Ads.Types;
using Edge.TestSupport.Layout;

namespace Edge.Ads.Tests.Types;

/// <summary>
/// TwinCAT lays out a DUT by the same rule C compilers use for <c>#pragma pack(n)</c>, and so does
/// the CLR marshaller for a sequential struct with <c>Pack = n</c>. For random DUTs (seeded) an
/// equivalent CLR struct is emitted and the marshaller's offsets and size must equal ours.
/// </summary>
[TestClass]
public sealed class PlcLayoutOracleTests
{
    private static int _typeCount;

    [TestMethod]
    [DataRow(8, DisplayName = "pack mode 8 (TwinCAT 3 default)")]
    [DataRow(4, DisplayName = "pack mode 4")]
    [DataRow(1, DisplayName = "pack mode 1")]
    public void RandomDutsMatchTheMarshallersLayout(int packMode)
    {
        if (!ClrLayoutOracle.IsAvailable)
            Assert.Inconclusive("the oracle needs a 64-bit process, where LREAL and LINT align to 8 as on TwinCAT");
        var random = new Random(20240 + packMode);
        for (int i = 0; i < 150; i++)
        {
            var dut = RandomStruct(random, depth: 0, packMode);
            var clr = Emit(dut);
            Assert.AreEqual(ClrLayoutOracle.SizeOf(clr), dut.Size, $"size of {Describe(dut)}");
            foreach (var member in dut.Members)
                Assert.AreEqual(ClrLayoutOracle.OffsetOf(clr, member.Name), member.Offset, $"offset of {member.Name} in {Describe(dut)}");
        }
    }

    private static PlcStructType RandomStruct(Random random, int depth, int packMode)
    {
        var builder = new PlcStructBuilder($"ST_R{Interlocked.Increment(ref _typeCount)}", packMode: packMode);
        int members = random.Next(1, 9);
        for (int m = 0; m < members; m++)
            builder.Add($"m{m}", RandomType(random, depth, packMode));
        return builder.Build();
    }

    private static PlcType RandomType(Random random, int depth, int packMode) => random.Next(10) switch
    {
        < 5 => PlcTypes.Primitives[random.Next(PlcTypes.Primitives.Count)],
        5 => PlcTypes.String(random.Next(1, 20)),
        6 => PlcTypes.WString(random.Next(1, 6)),
        7 or 8 => RandomArray(random, depth, packMode),
        _ => depth < 2 ? RandomStruct(random, depth + 1, packMode) : PlcTypes.LReal,
    };

    private static PlcArrayType RandomArray(Random random, int depth, int packMode)
    {
        var dimensions = Enumerable.Range(0, random.Next(1, 3)).Select(_ =>
        {
            int lower = random.Next(-3, 4);
            return new PlcArrayDimension(lower, lower + random.Next(0, 4));
        }).ToArray();
        var element = random.Next(4) == 0 && depth < 2 ? RandomStruct(random, depth + 1, packMode) : RandomType(random, 2, packMode);
        return PlcTypes.Array(element, dimensions);
    }

    // An equivalent blittable struct: BOOL as byte, strings and arrays as fixed inline arrays.
    private static Type Emit(PlcStructType dut) =>
        ClrLayoutOracle.Emit(dut.Name, dut.PackMode, dut.Members.Select(m =>
        {
            var (element, count) = Inline(m.Type);
            return new ClrField(m.Name, element, count);
        }));

    private static (Type Element, int? Count) Inline(PlcType type) => type switch
    {
        PlcStringType { IsWide: false } s => (typeof(byte), s.Length + 1),
        PlcStringType { IsWide: true } s => (typeof(ushort), s.Length + 1),
        PlcArrayType a => Inline(a.ElementType) switch
        {
            (var element, null) => (element, a.ElementCount),
            (var element, int inner) => (element, a.ElementCount * inner),
        },
        PlcStructType s => (Emit(s), null),
        PlcPrimitiveType p => (Clr(p), null),
        _ => throw new NotSupportedException(type.Name),
    };

    private static Type Clr(PlcPrimitiveType type) => (type.Kind, type.Size) switch
    {
        (PlcPrimitiveKind.Bool, _) => typeof(byte),
        (PlcPrimitiveKind.Real, 4) => typeof(float),
        (PlcPrimitiveKind.Real, 8) => typeof(double),
        (PlcPrimitiveKind.SignedInteger, 1) => typeof(sbyte),
        (PlcPrimitiveKind.SignedInteger, 2) => typeof(short),
        (PlcPrimitiveKind.SignedInteger, 4) => typeof(int),
        (PlcPrimitiveKind.SignedInteger, 8) => typeof(long),
        (PlcPrimitiveKind.UnsignedInteger, 1) => typeof(byte),
        (PlcPrimitiveKind.UnsignedInteger, 2) => typeof(ushort),
        (PlcPrimitiveKind.UnsignedInteger, 4) => typeof(uint),
        (PlcPrimitiveKind.UnsignedInteger, 8) => typeof(ulong),
        _ => throw new NotSupportedException(type.Name),
    };

    private static string Describe(PlcStructType type) => PlcDutWriter.Write(type);
}
