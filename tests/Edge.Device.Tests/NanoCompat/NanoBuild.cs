using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Edge.Device.Tests.NanoCompat;

/// <summary>Paths the build recorded, and a Roslyn compile against nanoFramework's mscorlib for scanner tests.</summary>
public static class NanoBuild
{
    public static string Mscorlib => Metadata("NanoMscorlib");

    public static string DeviceAssembly => Metadata("NanoDeviceAssembly");

    /// <summary>The interop assembly's compile check (firmware/build/Edge.Device.Native.Nano).</summary>
    public static string InteropAssembly => Metadata("NanoInteropAssembly");

    private static string Metadata(string key) =>
        typeof(NanoBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary>Compiles C# the way the nanoFramework compile check does (NoStdLib, C# 9) and returns the image.</summary>
    public static MemoryStream Compile(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Probe",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: new[] { "NANOFRAMEWORK_1_0" })) },
            new[] { MetadataReference.CreateFromFile(Mscorlib) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
            throw new InvalidOperationException("probe did not compile against nanoFramework mscorlib:\n" +
                string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        return image;
    }
}
