using System.Reflection;

namespace Edge.Models.Tests.Support;

/// <summary>The motor-flux fixtures (samples/motor-flux) and a scratch folder per test run.</summary>
public static class Samples
{
    public static string Folder { get; } =
        typeof(Samples).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Samples").Value!;

    public static string File(string name) => Path.Combine(Folder, name);

    /// <summary>The exporter zoo (samples/zoo).</summary>
    public static string ZooFolder { get; } =
        typeof(Samples).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Zoo").Value!;

    public static string ZooFile(string name) => Path.Combine(ZooFolder, name);

    public static string Scratch { get; } = Directory.CreateTempSubdirectory("edge-models-tests-").FullName;

    public static string ScratchFile(string name) => Path.Combine(Scratch, name);
}
