using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Edge.TestSupport.Layout;

namespace Edge.PlcBridge.Tests.Support;

/// <summary>
/// A PLC's view of bytes: a DUT declaration read from its ST text (as TwinCAT would compile it),
/// laid out by the CLR marshaller with pack 8 (TwinCAT's default rule) and decoded from raw bytes.
/// Independent of the bridge's own layout code: only the ST text connects them.
/// </summary>
internal sealed partial class DutImage
{
    private DutImage(string name, IReadOnlyList<DutMember> members, Type clr)
    {
        Name = name;
        Members = members;
        Clr = clr;
    }

    public string Name { get; }

    public IReadOnlyList<DutMember> Members { get; }

    public Type Clr { get; }

    /// <summary>SIZEOF as the PLC computes it.</summary>
    public int Size => ClrLayoutOracle.SizeOf(Clr);

    public int OffsetOf(string member) => ClrLayoutOracle.OffsetOf(Clr, member);

    public DutMember this[string member] => Members.Single(m => m.Name == member);

    public static DutImage Parse(string st)
    {
        var type = TypeHeader().Match(st);
        Assert.IsTrue(type.Success, "no 'TYPE name : STRUCT' in the DUT text:\n" + st);
        int end = st.IndexOf("END_STRUCT", type.Index, StringComparison.Ordinal);
        var members = new List<DutMember>();
        foreach (string line in st[(type.Index + type.Length)..end].Split('\n'))
        {
            var m = MemberLine().Match(line);
            if (!m.Success)
                continue;
            int? commentOffset = m.Groups["offset"].Success ? int.Parse(m.Groups["offset"].Value, CultureInfo.InvariantCulture) : null;
            members.Add(new DutMember(m.Groups["name"].Value, m.Groups["type"].Value.Trim(), commentOffset));
        }
        Assert.IsNotEmpty(members, "no members parsed from:\n" + st);
        var clr = ClrLayoutOracle.Emit(type.Groups["name"].Value, 8, members.Select(member => member.Field()));
        return new DutImage(type.Groups["name"].Value, members, clr);
    }

    /// <summary>Every member's value: BOOL as bool, integers widened, REAL as float, STRING as string, arrays as arrays.</summary>
    public IReadOnlyDictionary<string, object> Decode(ReadOnlySpan<byte> bytes)
    {
        Assert.AreEqual(Size, bytes.Length, $"bytes of one {Name}");
        var buffer = Marshal.AllocHGlobal(bytes.Length);
        try
        {
            Marshal.Copy(bytes.ToArray(), 0, buffer, bytes.Length);
            object value = Marshal.PtrToStructure(buffer, Clr)!;
            return Members.ToDictionary(m => m.Name, m => m.Interpret(Clr.GetField(m.Name)!.GetValue(value)!));
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }

    [GeneratedRegex(@"TYPE\s+(?<name>\w+)\s*:\s*STRUCT", RegexOptions.CultureInvariant)]
    private static partial Regex TypeHeader();

    [GeneratedRegex(@"^\s*(?<name>\w+)\s*:\s*(?<type>[^;]+);\s*(//\s*offset\s+(?<offset>\d+))?", RegexOptions.CultureInvariant)]
    private static partial Regex MemberLine();
}

/// <summary>One member line of a DUT: name, ST type and the offset its comment claims.</summary>
internal sealed partial record DutMember(string Name, string TypeText, int? CommentOffset)
{
    public ClrField Field()
    {
        if (StringType().Match(TypeText) is { Success: true } s)
            return new ClrField(Name, typeof(byte), int.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture) + 1);
        if (ArrayType().Match(TypeText) is { Success: true } a)
        {
            int lower = int.Parse(a.Groups["lo"].Value, CultureInfo.InvariantCulture);
            int upper = int.Parse(a.Groups["hi"].Value, CultureInfo.InvariantCulture);
            return new ClrField(Name, Primitive(a.Groups["of"].Value), upper - lower + 1);
        }
        return new ClrField(Name, Primitive(TypeText));
    }

    public object Interpret(object raw) => raw switch
    {
        byte[] text when StringType().IsMatch(TypeText) => Encoding.Latin1.GetString(text.TakeWhile(b => b != 0).ToArray()),
        byte[] flags when TypeText.EndsWith("OF BOOL", StringComparison.Ordinal) => flags.Select(b => b != 0).ToArray(),
        byte flag when TypeText == "BOOL" => flag != 0,
        _ => raw,
    };

    private static Type Primitive(string st) => st.Trim() switch
    {
        "BOOL" or "BYTE" or "USINT" => typeof(byte),
        "SINT" => typeof(sbyte),
        "WORD" or "UINT" => typeof(ushort),
        "INT" => typeof(short),
        "DWORD" or "UDINT" or "TIME" => typeof(uint),
        "DINT" => typeof(int),
        "LWORD" or "ULINT" or "LTIME" => typeof(ulong),
        "LINT" => typeof(long),
        "REAL" => typeof(float),
        "LREAL" => typeof(double),
        var other => throw new AssertFailedException($"the DUT uses a type this test does not know: {other}"),
    };

    [GeneratedRegex(@"^STRING\((\d+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex StringType();

    [GeneratedRegex(@"^ARRAY\s*\[\s*(?<lo>-?\d+)\s*\.\.\s*(?<hi>-?\d+)\s*\]\s*OF\s+(?<of>\w+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ArrayType();
}
