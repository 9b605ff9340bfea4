using System.Diagnostics;
using System.Text;
using Edge.Device.Tests.NanoCompat;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Edge.TestSupport;

namespace Edge.Device.Tests.Conformance;

/// <summary>
/// Runs the conformance app on a real nanoCLR when one is installed: EDGE_NANOCLR names a runner
/// that takes IL assemblies compiled against nanoFramework's mscorlib (in load order), turns
/// them into .pe files with the MetadataProcessor and runs them on nanoCLR, printing the app's
/// console output (see firmware/README.md, "Conformance on nanoCLR"). The app is compiled here:
/// firmware/Edge.Conformance's sources plus a generated ConformanceData class holding the blob.
/// </summary>
public static class NanoClrRunner
{
    public static string? Runner => Environment.GetEnvironmentVariable("EDGE_NANOCLR") is { Length: > 0 } path && File.Exists(path) ? path : null;

    public static IReadOnlyList<string> Run(byte[] blob, string workDirectory)
    {
        string app = Path.Combine(workDirectory, "Edge.Conformance.dll");
        Compile(blob, app);
        string device = Path.Combine(workDirectory, "Edge.Device.Nano.dll");
        File.Copy(NanoBuild.DeviceAssembly, device, overwrite: true);
        // The device assembly references the interop assembly (native kernels, with the managed
        // ones as fallback when the firmware lacks them): it loads first.
        string interop = Path.Combine(workDirectory, "Edge.Device.Native.dll");
        File.Copy(NanoBuild.InteropAssembly, interop, overwrite: true);
        var start = new ProcessStartInfo(Runner!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(interop);
        start.ArgumentList.Add(device);
        start.ArgumentList.Add(app);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"nanoCLR runner exited {process.ExitCode}: {stderr.Result}\n{stdout}");
        return stdout.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
    }

    private static void Compile(byte[] blob, string output)
    {
        var sources = Directory.GetFiles(Path.Combine(RepoPaths.Root, "firmware", "Edge.Conformance"), "*.cs")
            .Where(f => !Path.GetFileName(f).StartsWith("ConformanceData", StringComparison.Ordinal))
            .Select(f => File.ReadAllText(f)).Append(DataSource(blob));
        var options = new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: new[] { "NANOFRAMEWORK_1_0" });
        var compilation = CSharpCompilation.Create("Edge.Conformance",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, options)),
            new[] { MetadataReference.CreateFromFile(NanoBuild.Mscorlib), MetadataReference.CreateFromFile(NanoBuild.DeviceAssembly) },
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var result = compilation.Emit(output);
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
    }

    /// <summary>The blob as a static byte array (one InitializeArray from the assembly's data).</summary>
    private static string DataSource(byte[] blob)
    {
        var s = new StringBuilder("namespace Edge.Conformance { public static class ConformanceData { private static readonly byte[] Data = { ");
        foreach (byte b in blob) s.Append(b).Append(',');
        s.Append(" }; public static byte[] Blob() { return Data; } } }");
        return s.ToString();
    }
}
