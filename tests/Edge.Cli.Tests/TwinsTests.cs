using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Edge.Cli.Tests;

/// <summary>
/// One shared mechanism, not two copies, checked in the compiled host assemblies: one CRC-32
/// (System.IO.Hashing on the host: a package made for the job, and independent of the device's own
/// Crc32, which every file the host writes is then read back with), one atomic file writer (only
/// Edge.Common renames files into place), one duration parser.
/// </summary>
[TestClass]
public sealed class TwinsTests
{
    private static readonly string[] HostAssemblies =
        ["Edge.Common", "Edge.Data", "Edge.Drift", "Edge.Models", "Edge.Board", "Edge.Power", "Edge.Transport", "Edge.Hil", "Edge.PlcBridge", "edge"];

    private static IEnumerable<(string Assembly, MetadataReader Metadata)> Host()
    {
        foreach (string name in HostAssemblies)
        {
            var pe = new PEReader(File.OpenRead(Path.Combine(AppContext.BaseDirectory, name + ".dll")));
            yield return (name, pe.GetMetadataReader());
        }
    }

    private static IEnumerable<string> TypeReferences(MetadataReader md) =>
        md.TypeReferences.Select(h => md.GetTypeReference(h)).Select(t => md.GetString(t.Namespace) + "." + md.GetString(t.Name));

    private static IEnumerable<string> MemberReferences(MetadataReader md) =>
        md.MemberReferences.Select(h => md.GetMemberReference(h)).Where(m => m.Parent.Kind == HandleKind.TypeReference)
            .Select(m => (Type: md.GetTypeReference((TypeReferenceHandle)m.Parent), Name: md.GetString(m.Name)))
            .Select(m => md.GetString(m.Type.Namespace) + "." + md.GetString(m.Type.Name) + "::" + m.Name);

    private static IEnumerable<string> TypeDefinitions(MetadataReader md) =>
        md.TypeDefinitions.Select(h => md.GetTypeDefinition(h)).Select(t => md.GetString(t.Name));

    [TestMethod]
    public void HostCodeComputesCrc32WithSystemIoHashingOnly()
    {
        var users = Host().Where(a => TypeReferences(a.Metadata).Contains("Edge.Device.Codec.Crc32")).Select(a => a.Assembly).ToList();
        Assert.AreEqual(0, users.Count, "host assemblies using the device's Crc32: " + string.Join(", ", users));
    }

    [TestMethod]
    public void OnlyEdgeCommonRenamesFilesIntoPlace()
    {
        var movers = Host().Where(a => a.Assembly != "Edge.Common" && MemberReferences(a.Metadata).Any(m => m is "System.IO.File::Move" or "System.IO.File::Replace"))
            .Select(a => a.Assembly).ToList();
        Assert.AreEqual(0, movers.Count, "assemblies writing files by their own rename (use Edge.Common.Files.AtomicFile): " + string.Join(", ", movers));
    }

    [TestMethod]
    public void OneAtomicWriterAndOneDurationParser()
    {
        foreach (var (assembly, md) in Host().Where(a => a.Assembly != "Edge.Common"))
        {
            var own = TypeDefinitions(md).ToList();
            Assert.IsFalse(own.Contains("AtomicFile"), $"{assembly} defines its own AtomicFile");
            Assert.IsFalse(own.Any(t => t.Contains("Duration", StringComparison.Ordinal) && t != "DurationOption"), $"{assembly} defines its own duration type: {string.Join(", ", own.Where(t => t.Contains("Duration")))}");
        }
    }
}
