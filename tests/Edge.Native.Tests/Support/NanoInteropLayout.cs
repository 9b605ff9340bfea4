using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace Edge.Native.Tests.Support;

/// <summary>One method of an interop assembly as nanoCLR's native method table sees it.</summary>
public sealed record NanoMethod(string Name, string StubName, bool Native);

/// <summary>
/// What nanoFramework's MetadataProcessor derives from an interop assembly for its C++ stubs,
/// computed here from the rules it documents in its generated code (written for Edge, checked
/// once against the MetadataProcessor itself, see firmware/Edge.Native/README.md):
/// <list type="bullet">
/// <item>method order: the assembly's types, each type's virtual, then instance, then static
/// methods in declaration order;</item>
/// <item>stub name: <c>Name___STATIC__RET__P1__P2</c> with nanoCLR's type names (I4, I1, U2,
/// I8, BOOLEAN, VOID, SZARRAY_x for arrays);</item>
/// <item>native checksum: a CRC-32 (polynomial 0x04C11DB7, MSB first, no reflection, no final
/// xor) run over the assembly name, the class name (namespace and type, dots as underscores)
/// and the stub name of each native method in turn, and the bytes "NULL" for other methods once
/// a native one has been seen, starting from 0. The MetadataProcessor restarts from 0 for
/// every part until it has counted its first native method, so that method contributes its
/// stub name alone: this reproduces that, as its output (0x6ACE2FE9 for this assembly with the first eleven kernels, at the
/// time of writing) showed.</item>
/// </list>
/// </summary>
public sealed class NanoInteropLayout
{
    private NanoInteropLayout(string assembly, string className, IReadOnlyList<NanoMethod> methods, uint checksum)
    {
        Assembly = assembly;
        ClassName = className;
        Methods = methods;
        Checksum = checksum;
    }

    public string Assembly { get; }

    /// <summary>The class part of the stub names, e.g. Edge_Device_Native_NativeKernels.</summary>
    public string ClassName { get; }

    public IReadOnlyList<NanoMethod> Methods { get; }

    public uint Checksum { get; }

    /// <summary>The C++ handler of a method: Library_&lt;assembly&gt;_&lt;class&gt;::&lt;stub&gt;.</summary>
    public string Handler(NanoMethod method) => $"Library_{Assembly.Replace('.', '_')}_{ClassName}::{method.StubName}";

    public static NanoInteropLayout Of(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var md = pe.GetMetadataReader();
        string assembly = md.GetString(md.GetAssemblyDefinition().Name);
        var types = md.TypeDefinitions.Select(md.GetTypeDefinition).Where(t => md.GetString(t.Name) != "<Module>").ToList();
        if (types.Count != 1)
            throw new InvalidOperationException($"{assemblyPath}: {types.Count} types; with more, the order depends on the MetadataProcessor's usage sort");
        var type = types[0];
        string className = (md.GetString(type.Namespace) + "_" + md.GetString(type.Name)).Replace('.', '_');
        var methods = type.GetMethods().Select(md.GetMethodDefinition).ToList();
        var ordered = methods.Where(m => m.Attributes.HasFlag(MethodAttributes.Virtual))
            .Concat(methods.Where(m => !m.Attributes.HasFlag(MethodAttributes.Virtual) && !m.Attributes.HasFlag(MethodAttributes.Static)))
            .Concat(methods.Where(m => m.Attributes.HasFlag(MethodAttributes.Static)));
        var result = new List<NanoMethod>();
        uint crc = 0;
        bool anyNative = false;
        foreach (var method in ordered)
        {
            string name = md.GetString(method.Name);
            var signature = method.DecodeSignature(new NanoTypeNames(md), null);
            string stub = name + (method.Attributes.HasFlag(MethodAttributes.Static) ? "___STATIC__" : "___") +
                string.Join("__", new[] { signature.ReturnType }.Concat(signature.ParameterTypes));
            bool native = method.RelativeVirtualAddress == 0 && !method.Attributes.HasFlag(MethodAttributes.Abstract);
            if (native)
            {
                if (anyNative)
                {
                    crc = Crc(Encoding.ASCII.GetBytes(assembly), crc);
                    crc = Crc(Encoding.ASCII.GetBytes(className), crc);
                }
                crc = Crc(Encoding.ASCII.GetBytes(stub), anyNative ? crc : 0);
                anyNative = true;
            }
            else if (anyNative)
            {
                crc = Crc("NULL"u8.ToArray(), crc);
            }
            result.Add(new NanoMethod(name, stub, native));
        }
        return new NanoInteropLayout(assembly, className, result, anyNative ? crc : 0);
    }

    private static uint Crc(byte[] bytes, uint crc)
    {
        foreach (byte b in bytes)
        {
            crc ^= (uint)b << 24;
            for (int i = 0; i < 8; i++) crc = (crc & 0x80000000u) != 0 ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
        }
        return crc;
    }

    /// <summary>nanoCLR's data type names (nanoCLR_DataType without its DATATYPE_ prefix).</summary>
    private sealed class NanoTypeNames(MetadataReader md) : ISignatureTypeProvider<string, object?>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.Void => "VOID", PrimitiveTypeCode.Boolean => "BOOLEAN", PrimitiveTypeCode.Char => "CHAR",
            PrimitiveTypeCode.SByte => "I1", PrimitiveTypeCode.Byte => "U1", PrimitiveTypeCode.Int16 => "I2", PrimitiveTypeCode.UInt16 => "U2",
            PrimitiveTypeCode.Int32 => "I4", PrimitiveTypeCode.UInt32 => "U4", PrimitiveTypeCode.Int64 => "I8", PrimitiveTypeCode.UInt64 => "U8",
            PrimitiveTypeCode.Single => "R4", PrimitiveTypeCode.Double => "R8", PrimitiveTypeCode.String => "STRING",
            PrimitiveTypeCode.Object => "OBJECT", PrimitiveTypeCode.IntPtr => "I4", PrimitiveTypeCode.UIntPtr => "U4",
            _ => throw new NotSupportedException($"type {typeCode} in an interop signature"),
        };

        public string GetSZArrayType(string elementType) => "SZARRAY_" + elementType;

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            (md.GetString(md.GetTypeDefinition(handle).Namespace) + md.GetString(md.GetTypeDefinition(handle).Name)).Replace(".", "");

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            (md.GetString(md.GetTypeReference(handle).Namespace) + md.GetString(md.GetTypeReference(handle).Name)).Replace(".", "");

        public string GetByReferenceType(string elementType) => "BYREF_" + elementType;
        public string GetArrayType(string elementType, ArrayShape shape) => throw new NotSupportedException("multi-dimensional arrays");
        public string GetPointerType(string elementType) => throw new NotSupportedException("pointers");
        public string GetPinnedType(string elementType) => elementType;
        public string GetGenericInstantiation(string genericType, System.Collections.Immutable.ImmutableArray<string> typeArguments) => throw new NotSupportedException("generics");
        public string GetGenericMethodParameter(object? genericContext, int index) => "GENERICTYPE";
        public string GetGenericTypeParameter(object? genericContext, int index) => "GENERICTYPE";
        public string GetFunctionPointerType(MethodSignature<string> signature) => throw new NotSupportedException("function pointers");
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            throw new NotSupportedException("type specifications");
    }
}
