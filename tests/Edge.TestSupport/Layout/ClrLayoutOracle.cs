using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.InteropServices;

namespace Edge.TestSupport.Layout;

/// <summary>
/// TwinCAT lays out a DUT by the rule C compilers use for <c>#pragma pack(n)</c>, and so does the
/// CLR marshaller for a sequential struct with <c>Pack = n</c>. This emits such a struct from a
/// field list, so a test can hold a layout against the marshaller's offsets and size.
/// </summary>
public static class ClrLayoutOracle
{
    private static readonly ModuleBuilder Module = AssemblyBuilder
        .DefineDynamicAssembly(new AssemblyName("LayoutOracle"), AssemblyBuilderAccess.Run)
        .DefineDynamicModule("LayoutOracle");

    private static int _typeCount;

    /// <summary>The oracle needs a 64-bit process, where 8-byte types align to 8 as on TwinCAT.</summary>
    public static bool IsAvailable => Environment.Is64BitProcess;

    /// <summary>A blittable sequential struct; BOOL should be given as byte, STRING(n) as n + 1 bytes.</summary>
    public static Type Emit(string name, int packSize, IEnumerable<ClrField> fields)
    {
        var builder = Module.DefineType($"{name}_{Interlocked.Increment(ref _typeCount)}",
            TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.SequentialLayout,
            typeof(ValueType), (PackingSize)packSize);
        foreach (var field in fields)
        {
            if (field.Count is not { } count)
            {
                builder.DefineField(field.Name, field.Element, FieldAttributes.Public);
                continue;
            }
            var inline = builder.DefineField(field.Name, field.Element.MakeArrayType(), FieldAttributes.Public);
            inline.SetCustomAttribute(new CustomAttributeBuilder(
                typeof(MarshalAsAttribute).GetConstructor([typeof(UnmanagedType)])!,
                [UnmanagedType.ByValArray],
                [typeof(MarshalAsAttribute).GetField(nameof(MarshalAsAttribute.SizeConst))!],
                [count]));
        }
        return builder.CreateType();
    }

    public static int SizeOf(Type emitted) => Marshal.SizeOf(emitted);

    public static int OffsetOf(Type emitted, string field) => (int)Marshal.OffsetOf(emitted, field);
}
