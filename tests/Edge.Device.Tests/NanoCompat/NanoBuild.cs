using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Edge.Device.Tests.NanoCompat;

/// <summary>Paths the build recorded, and a Roslyn compile against nanoFramework's mscorlib for scanner tests.</summary>
public static class NanoBuild
{
    public static string Mscorlib => Metadata("NanoMscorlib");

    /// <summary>The device source compiled against nanoFramework's mscorlib (firmware/build/Edge.Device.Nano).</summary>
    public static string DeviceAssembly => Output("Edge.Device.Nano", "Edge.Device.Nano");

    /// <summary>The whole board app as the F746ZG and F401RE build it: device source, Program, adapters (firmware/build/Edge.Firmware.Nano).</summary>
    public static string BoardAssembly => Output("Edge.Firmware.Nano", "Edge.Firmware.Nano");

    /// <summary>The board app for a target with a file system (EDGE_SD_STORE).</summary>
    public static string SdCardBoardAssembly => Output("Edge.Firmware.SdCard.Nano", "Edge.Firmware.SdCard.Nano");

    /// <summary>A reference-declaration assembly of an upstream package (firmware/build/references/&lt;name&gt;).</summary>
    public static string ReferenceAssembly(string name) => Output("references/" + name, name);

    private static string Output(string project, string assembly) => string.Format(Metadata("NanoBuildOutput"), project, assembly);

    /// <summary>The interop assembly's compile check (firmware/build/Edge.Device.Native.Nano).</summary>
    public static string InteropAssembly => Metadata("NanoInteropAssembly");

    private static string Metadata(string key) =>
        typeof(NanoBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary>Compiles C# the way the nanoFramework compile check does (NoStdLib, C# 9) and returns the image.</summary>
    public static MemoryStream Compile(string source, params string[] references)
    {
        var compilation = CSharpCompilation.Create(
            "Probe",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: new[] { "NANOFRAMEWORK_1_0" })) },
            new[] { Mscorlib }.Concat(references).Select(r => MetadataReference.CreateFromFile(r)),
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
