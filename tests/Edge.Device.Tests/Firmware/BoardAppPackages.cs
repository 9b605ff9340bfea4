using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;
using Edge.TestSupport;

namespace Edge.Device.Tests.Firmware;

/// <summary>One nanoFramework package as upstream released it (firmware/build/references/upstream-packages.json).</summary>
public sealed record UpstreamPackage(string Id, string Version, string Assembly, string Lib, string? OnlyFor, IReadOnlyList<(string Id, string Version)> Dependencies);

/// <summary>The board app's package files: packages.config, the .nfproj, the recorded upstream facts, and the reference declarations.</summary>
public static class BoardAppPackages
{
    public static string FirmwareFolder => Path.Combine(RepoPaths.Root, "firmware", "Edge.Firmware");

    public static string ReferencesFolder => Path.Combine(RepoPaths.Root, "firmware", "build", "references");

    /// <summary>id -> version from a packages.config file.</summary>
    public static IReadOnlyDictionary<string, string> PackagesConfig(string path) =>
        XDocument.Load(path).Root!.Elements("package").ToDictionary(p => (string)p.Attribute("id")!, p => (string)p.Attribute("version")!);

    public static IReadOnlyDictionary<string, UpstreamPackage> Upstream()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferencesFolder, "upstream-packages.json")));
        var result = new Dictionary<string, UpstreamPackage>();
        foreach (var p in json.RootElement.GetProperty("packages").EnumerateArray())
        {
            var deps = p.GetProperty("dependencies").EnumerateArray().Select(d => (d.GetProperty("id").GetString()!, d.GetProperty("version").GetString()!)).ToList();
            string? onlyFor = p.TryGetProperty("onlyFor", out var o) ? o.GetString() : null;
            var package = new UpstreamPackage(p.GetProperty("id").GetString()!, p.GetProperty("version").GetString()!, p.GetProperty("assembly").GetString()!, p.GetProperty("lib").GetString()!, onlyFor, deps);
            result.Add(package.Id, package);
        }
        return result;
    }

    /// <summary>The .nfproj's references: include name, HintPath (backslashes as written), and condition.</summary>
    public static IReadOnlyList<(string Include, string HintPath, string? Condition)> NfprojReferences(XDocument nfproj)
    {
        XNamespace ns = "http://schemas.microsoft.com/developer/msbuild/2003";
        return nfproj.Descendants(ns + "Reference")
            .Select(r => ((string)r.Attribute("Include")!, (string)r.Element(ns + "HintPath")!, (string?)r.Attribute("Condition")))
            .ToList();
    }

    public static IReadOnlyList<(string Include, string? Condition)> NfprojCompileItems(XDocument nfproj)
    {
        XNamespace ns = "http://schemas.microsoft.com/developer/msbuild/2003";
        return nfproj.Descendants(ns + "Compile").Select(c => ((string)c.Attribute("Include")!, (string?)c.Attribute("Condition"))).ToList();
    }

    /// <summary>The [UpstreamPackage(id, version)] tags of an assembly's types and of the assembly itself.</summary>
    public static IReadOnlyList<(string Where, string Id, string Version)> UpstreamTags(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var md = pe.GetMetadataReader();
        var tags = new List<(string, string, string)>();
        void Read(CustomAttributeHandleCollection attributes, string where)
        {
            foreach (var handle in attributes)
            {
                var attribute = md.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind != HandleKind.MethodDefinition) continue;
                var type = md.GetTypeDefinition(md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType());
                if (md.GetString(type.Name) != "UpstreamPackageAttribute") continue;
                var value = attribute.DecodeValue(new StringArgumentProvider());
                tags.Add((where, (string)value.FixedArguments[0].Value!, (string)value.FixedArguments[1].Value!));
            }
        }
        Read(md.GetAssemblyDefinition().GetCustomAttributes(), "assembly");
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            if ((type.Attributes & System.Reflection.TypeAttributes.Public) == 0) continue;
            Read(type.GetCustomAttributes(), md.GetString(type.Namespace) + "." + md.GetString(type.Name));
        }
        return tags;
    }

    /// <summary>Names of public types an assembly defines.</summary>
    public static IReadOnlyList<string> PublicTypes(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var md = pe.GetMetadataReader();
        return md.TypeDefinitions.Select(md.GetTypeDefinition)
            .Where(t => (t.Attributes & System.Reflection.TypeAttributes.Public) != 0)
            .Select(t => md.GetString(t.Namespace) + "." + md.GetString(t.Name)).ToList();
    }

    public static IReadOnlyList<string> AssemblyReferences(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var md = pe.GetMetadataReader();
        return md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
    }

    private sealed class StringArgumentProvider : ICustomAttributeTypeProvider<object?>
    {
        public object? GetPrimitiveType(PrimitiveTypeCode typeCode) => null;
        public object? GetSystemType() => null;
        public object? GetSZArrayType(object? elementType) => null;
        public object? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => null;
        public object? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => null;
        public object? GetTypeFromSerializedName(string name) => null;
        public PrimitiveTypeCode GetUnderlyingEnumType(object? type) => PrimitiveTypeCode.Int32;
        public bool IsSystemType(object? type) => false;
    }
}
