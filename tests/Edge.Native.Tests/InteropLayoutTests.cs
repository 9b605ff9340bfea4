using System.Reflection;
using System.Text.RegularExpressions;
using Edge.Native.Tests.Support;
using Edge.TestSupport;

namespace Edge.Native.Tests;

/// <summary>
/// The interop assembly and its C++ glue agree: the host build (P/Invoke) has exactly the board
/// build's (InternalCall) methods, and the committed stubs (firmware/Edge.Native/nanoframework)
/// list every InternalCall method under the MetadataProcessor's name, in its order, with its
/// native checksum, so nanoCLR binds each call to the right handler and accepts the assembly.
/// </summary>
[TestClass]
public sealed partial class InteropLayoutTests
{
    private static string NanoAssembly => typeof(InteropLayoutTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "NanoInteropAssembly").Value!;

    private static string Stubs(string file) => Path.Combine(RepoPaths.Root, "firmware", "Edge.Native", "nanoframework", file);

    [TestMethod]
    public void TheHostBuildHasTheBoardBuildsMethods()
    {
        var layout = NanoInteropLayout.Of(NanoAssembly);
        var host = typeof(Edge.Device.Native.NativeKernels).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => $"{m.Name}({string.Join(",", m.GetParameters().Select(p => p.ParameterType.Name + " " + p.Name))}) {m.ReturnType.Name}")
            .Order().ToList();
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(NanoAssembly));
        var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var board = md.MethodDefinitions.Select(md.GetMethodDefinition).Where(m => m.Attributes.HasFlag(MethodAttributes.Public))
            .Select(m =>
            {
                var signature = m.DecodeSignature(new ClrNames(), null);
                var names = m.GetParameters().Select(md.GetParameter).Where(p => p.SequenceNumber > 0).OrderBy(p => p.SequenceNumber).Select(p => md.GetString(p.Name));
                return $"{md.GetString(m.Name)}({string.Join(",", signature.ParameterTypes.Zip(names, (t, n) => t + " " + n))}) {signature.ReturnType}";
            })
            .Order().ToList();
        CollectionAssert.AreEqual(board, host, "host:\n" + string.Join("\n", host) + "\nboard:\n" + string.Join("\n", board));
        Assert.AreEqual(layout.Methods.Count, board.Count);
    }

    [TestMethod]
    public void TheMethodTableListsEveryHandlerInTheMetadataProcessorsOrder()
    {
        var layout = NanoInteropLayout.Of(NanoAssembly);
        string table = File.ReadAllText(Stubs("Edge_Device_Native.cpp"));
        var entries = TableEntry().Matches(table[table.IndexOf("method_lookup[]", StringComparison.Ordinal)..table.IndexOf("};", StringComparison.Ordinal)])
            .Select(m => m.Groups[1].Value).ToList();
        var expected = layout.Methods.Select(m => m.Native ? layout.Handler(m) : "nullptr").ToList();
        CollectionAssert.AreEqual(expected, entries);
        Assert.IsTrue(layout.Methods.All(m => m.Native), "every method of the interop assembly is native");
    }

    [TestMethod]
    public void TheNativeChecksumIsTheAssemblys()
    {
        var layout = NanoInteropLayout.Of(NanoAssembly);
        string table = File.ReadAllText(Stubs("Edge_Device_Native.cpp"));
        var data = AssemblyData().Match(table);
        Assert.IsTrue(data.Success, "g_CLR_AssemblyNative_Edge_Device_Native with name, checksum, table and version");
        Assert.AreEqual(layout.Assembly, data.Groups["name"].Value);
        Assert.AreEqual($"0x{layout.Checksum:X8}", data.Groups["checksum"].Value,
            "the checksum nanoCLR compares with the assembly's: rerun this test's computation after changing a signature");
        var native = typeof(Edge.Device.Native.NativeKernels).Assembly.GetName();
        Assert.AreEqual("1, 0, 0, 0", data.Groups["version"].Value, "AssemblyNativeVersion(\"1.0.0.0\")");
        Assert.AreEqual(1, native.Version!.Major);
    }

    [TestMethod]
    public void EveryHandlerIsDeclaredAndMarshalled()
    {
        var layout = NanoInteropLayout.Of(NanoAssembly);
        string header = File.ReadAllText(Stubs("Edge_Device_Native.h"));
        string marshalling = File.ReadAllText(Stubs("Edge_Device_Native_Edge_Device_Native_NativeKernels_mshl.cpp"));
        string implementation = File.ReadAllText(Stubs("Edge_Device_Native_Edge_Device_Native_NativeKernels.cpp"));
        foreach (var method in layout.Methods)
        {
            Assert.IsTrue(header.Contains(method.StubName, StringComparison.Ordinal), $"{method.StubName} is declared");
            Assert.IsTrue(marshalling.Contains(method.StubName, StringComparison.Ordinal), $"{method.StubName} has a marshalling handler");
            Assert.IsTrue(implementation.Contains($"NativeKernels::{method.Name}(", StringComparison.Ordinal), $"{method.Name} is implemented");
        }
    }

    [GeneratedRegex(@"^\s*(Library_[A-Za-z0-9_]+::[A-Za-z0-9_]+|nullptr),\s*$", RegexOptions.Multiline)]
    private static partial Regex TableEntry();

    [GeneratedRegex(@"g_CLR_AssemblyNative_Edge_Device_Native\s*=\s*\{\s*""(?<name>[^""]+)"",\s*(?<checksum>0x[0-9A-F]{8}),\s*method_lookup,\s*\{\s*(?<version>[0-9, ]+?)\s*\}")]
    private static partial Regex AssemblyData();

    /// <summary>C# type names of a signature, as reflection names them on the host build.</summary>
    private sealed class ClrNames : System.Reflection.Metadata.ISignatureTypeProvider<string, object?>
    {
        public string GetPrimitiveType(System.Reflection.Metadata.PrimitiveTypeCode typeCode) => typeCode switch
        {
            System.Reflection.Metadata.PrimitiveTypeCode.Void => "Void", System.Reflection.Metadata.PrimitiveTypeCode.Boolean => "Boolean",
            System.Reflection.Metadata.PrimitiveTypeCode.SByte => "SByte", System.Reflection.Metadata.PrimitiveTypeCode.UInt16 => "UInt16",
            System.Reflection.Metadata.PrimitiveTypeCode.Int32 => "Int32", System.Reflection.Metadata.PrimitiveTypeCode.Int64 => "Int64",
            _ => typeCode.ToString(),
        };
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetTypeFromDefinition(System.Reflection.Metadata.MetadataReader reader, System.Reflection.Metadata.TypeDefinitionHandle handle, byte rawTypeKind) => "?";
        public string GetTypeFromReference(System.Reflection.Metadata.MetadataReader reader, System.Reflection.Metadata.TypeReferenceHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeReference(handle).Name);
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetArrayType(string elementType, System.Reflection.Metadata.ArrayShape shape) => elementType + "[,]";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPinnedType(string elementType) => elementType;
        public string GetGenericInstantiation(string genericType, System.Collections.Immutable.ImmutableArray<string> typeArguments) => genericType;
        public string GetGenericMethodParameter(object? genericContext, int index) => "T";
        public string GetGenericTypeParameter(object? genericContext, int index) => "T";
        public string GetFunctionPointerType(System.Reflection.Metadata.MethodSignature<string> signature) => "fn";
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetTypeFromSpecification(System.Reflection.Metadata.MetadataReader reader, object? genericContext, System.Reflection.Metadata.TypeSpecificationHandle handle, byte rawTypeKind) => "?";
    }
}
