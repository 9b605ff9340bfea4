using System.Xml.Linq;
using Edge.Device.Tests.NanoCompat;

namespace Edge.Device.Tests.Firmware;

/// <summary>
/// The board app's package set hangs together the way nanoCLR and NuGet need it: released
/// versions (facts read from each library's release tag, upstream-packages.json), every
/// dependency present at a version that satisfies it, one mscorlib major.minor for all (nanoCLR
/// binds references on major.minor), reference declarations that match what is pinned, and a
/// .nfproj whose HintPaths and compile items agree with both.
/// </summary>
[TestClass]
public sealed class BoardAppPackageTests
{
    private static readonly string[] ReferenceAssemblies =
        { "System.Device.Gpio", "System.Device.Adc", "System.IO.Ports", "System.IO.Streams", "nanoFramework.Runtime.Native", "System.IO.FileSystem" };

    private static IReadOnlyDictionary<string, string> Config => BoardAppPackages.PackagesConfig(Path.Combine(BoardAppPackages.FirmwareFolder, "packages.config"));

    private static XDocument Nfproj => XDocument.Load(Path.Combine(BoardAppPackages.FirmwareFolder, "Edge.Firmware.nfproj"));

    /// <summary>packages.config plus the packages only a file-system build adds: the SD-card build's set.</summary>
    private static Dictionary<string, string> SdCardSet()
    {
        var set = new Dictionary<string, string>(Config);
        foreach (var p in BoardAppPackages.Upstream().Values.Where(p => p.OnlyFor is not null)) set[p.Id] = p.Version;
        return set;
    }

    [TestMethod]
    public void EveryPinnedPackageIsARecordedUpstreamRelease()
    {
        var upstream = BoardAppPackages.Upstream();
        foreach (var (id, version) in Config)
        {
            Assert.IsTrue(upstream.TryGetValue(id, out var known), $"{id} is not in upstream-packages.json: record its release facts first");
            Assert.AreEqual(known.Version, version, $"{id}: packages.config pins {version}, the recorded release is {known.Version}");
        }
    }

    [TestMethod]
    public void EveryDependencyIsPresentAtAVersionThatSatisfiesIt()
    {
        CheckClosed(Config, "packages.config");
        CheckClosed(SdCardSet(), "packages.config + the SD-card build's packages");
    }

    private static void CheckClosed(IReadOnlyDictionary<string, string> set, string what)
    {
        var upstream = BoardAppPackages.Upstream();
        var core = Version.Parse(set["nanoFramework.CoreLibrary"]);
        foreach (var (id, _) in set)
        {
            foreach (var (dependency, minimum) in upstream[id].Dependencies)
            {
                Assert.IsTrue(set.TryGetValue(dependency, out var present), $"{what}: {id} needs {dependency} >= {minimum}, which is missing (nanoCLR would not resolve {id} at boot)");
                Assert.IsGreaterThanOrEqualTo(Version.Parse(minimum), Version.Parse(present), $"{what}: {id} needs {dependency} >= {minimum}; {present} is pinned");
                var built = Version.Parse(minimum);
                var have = Version.Parse(present);
                Assert.IsTrue(built.Major == have.Major && built.Minor == have.Minor, $"{what}: {id} was built against {dependency} {minimum}; nanoCLR binds on major.minor and {present} differs");
            }
            var coreDependency = upstream[id].Dependencies.Where(d => d.Id == "nanoFramework.CoreLibrary").Select(d => Version.Parse(d.Version)).SingleOrDefault();
            if (coreDependency is not null)
                Assert.IsTrue(coreDependency.Major == core.Major && coreDependency.Minor == core.Minor, $"{what}: {id} is built against mscorlib {coreDependency}, the app against {core}");
        }
    }

    [TestMethod]
    public void TheF746zgBuildHasNoFileSystem()
    {
        Assert.IsFalse(Config.ContainsKey("nanoFramework.System.IO.FileSystem"), "the F746ZG firmware has no System.IO.FileSystem: deploying it is refused");
        CollectionAssert.DoesNotContain(BoardAppPackages.AssemblyReferences(NanoBuild.BoardAssembly).ToList(), "System.IO.FileSystem");
        CollectionAssert.Contains(BoardAppPackages.AssemblyReferences(NanoBuild.SdCardBoardAssembly).ToList(), "System.IO.FileSystem", "the SD-card build does use the file system");
    }

    [TestMethod]
    public void ReferenceDeclarationsMatchThePinnedPackages()
    {
        var set = SdCardSet();
        foreach (string name in ReferenceAssemblies)
        {
            string path = NanoBuild.ReferenceAssembly(name);
            var tags = BoardAppPackages.UpstreamTags(path);
            var publicTypes = BoardAppPackages.PublicTypes(path);
            Assert.IsTrue(tags.Any(t => t.Where == "assembly"), $"{name}: no assembly-level [UpstreamPackage]");
            foreach (string type in publicTypes)
                Assert.IsTrue(tags.Any(t => t.Where == type), $"{name}: public type {type} is not tagged with its package and version");
            foreach (var (where, id, version) in tags)
            {
                Assert.IsTrue(set.TryGetValue(id, out var pinned), $"{name} {where}: declares {id}, which the app does not pin");
                Assert.AreEqual(pinned, version, $"{name} {where}: declared from {id} {version}, pinned {pinned}");
                Assert.AreEqual(name, BoardAppPackages.Upstream()[id].Assembly, $"{name} {where}: {id} ships assembly {BoardAppPackages.Upstream()[id].Assembly}");
            }
        }
    }

    [TestMethod]
    public void TheBoardAppUsesOnlyDeclaredAssemblies()
    {
        // mscorlib, the pinned packages, and the project's own interop assembly (a ProjectReference
        // of Edge.Firmware.nfproj: the native kernels' entry points, firmware/Edge.Device.Native).
        var allowed = new HashSet<string>(ReferenceAssemblies) { "mscorlib", "Edge.Device.Native" };
        foreach (string assembly in new[] { NanoBuild.BoardAssembly, NanoBuild.SdCardBoardAssembly })
        foreach (string reference in BoardAppPackages.AssemblyReferences(assembly))
            Assert.Contains(reference, allowed, $"{Path.GetFileName(assembly)} references {reference}");
    }

    [TestMethod]
    public void NfprojReferencesEveryPinnedPackageWhereTheRestorePutsIt()
    {
        var upstream = BoardAppPackages.Upstream();
        var references = BoardAppPackages.NfprojReferences(Nfproj);
        var set = SdCardSet();
        foreach (var (include, hintPath, condition) in references)
        {
            var package = upstream.Values.SingleOrDefault(p => p.Assembly == include);
            Assert.IsNotNull(package, $"the .nfproj references {include}, which no recorded package ships");
            // packages.config restores to <solution dir>/packages/<id>.<version>/ (Edge.sln at the root).
            string expected = @"..\..\packages\" + package.Id + "." + set[package.Id] + @"\" + package.Lib.Replace('/', '\\');
            Assert.AreEqual(expected, hintPath, $"HintPath of {include}");
            Assert.AreEqual(package.OnlyFor is not null, condition is not null, $"{include}: only file-system builds reference it conditionally");
        }
        foreach (var id in Config.Keys)
            Assert.IsTrue(references.Any(r => r.Include == upstream[id].Assembly), $"packages.config has {id} but the .nfproj does not reference {upstream[id].Assembly}: it would not be deployed");
    }

    [TestMethod]
    public void NfprojCompilesEverySourceFileOfTheApp()
    {
        var items = BoardAppPackages.NfprojCompileItems(Nfproj).Select(c => c.Include.Replace('\\', '/')).ToHashSet();
        var files = Directory.GetFiles(BoardAppPackages.FirmwareFolder, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(BoardAppPackages.FirmwareFolder, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/") && !f.StartsWith("obj/"));
        foreach (string file in files) Assert.Contains(file, items, $"{file} is not compiled by Edge.Firmware.nfproj");
    }

    [TestMethod]
    public void TheSolutionHasTheBoardAppWithoutBuildingItWithDotnet()
    {
        string sln = File.ReadAllText(Path.Combine(Edge.TestSupport.RepoPaths.Root, "Edge.sln"));
        var line = sln.Split('\n').FirstOrDefault(l => l.Contains("Edge.Firmware.nfproj"));
        Assert.IsNotNull(line, "Edge.sln does not list firmware/Edge.Firmware/Edge.Firmware.nfproj");
        string guid = line.Split('"')[^2];
        Assert.DoesNotContain(guid + ".Release|Any CPU.Build.0", sln, "dotnet build Edge.sln would try to build the .nfproj without the nanoFramework targets");
        Assert.DoesNotContain(guid + ".Debug|Any CPU.Build.0", sln, "dotnet build Edge.sln would try to build the .nfproj without the nanoFramework targets");
    }
}
