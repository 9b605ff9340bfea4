using Edge.Data;
using Edge.Device.Board;
using Edge.Device.Drift;
using Edge.Device.Model;
using Edge.Drift.Profiles;
using Edge.Models;
using Edge.Targets.Boards;
using Edge.Targets.Heap;
using Edge.Targets.Memory;
using Edge.TestSupport;

namespace Edge.Device.Tests.Memory;

/// <summary>
/// The memory model prices objects as nanoCLR allocates them (12-byte heap blocks: a header
/// block plus one per field; arrays with a 20-byte header and packed elements; a struct field is
/// an object of its own), and with those prices the board app, the demo's model and profile and
/// the motor-flux profiles come out as stated in the READMEs.
/// </summary>
[TestClass]
public sealed class BoardMemoryTests
{
    private readonly record struct Pair(int X, int Y);

    [TestMethod]
    public void ObjectsAndArraysCostWhatNanoClrAllocates()
    {
        Assert.AreEqual(12 * 4, NanoClrHeap.ObjectBytes(3), "header + 3 field blocks");
        Assert.AreEqual(420, NanoClrHeap.ArrayBytes(100, 4), "20 + 400 bytes in 12-byte blocks: 35 blocks");
        Assert.AreEqual(36, NanoClrHeap.ArrayBytes(7, 1), "20 + 7 bytes: 3 blocks");
        Assert.AreEqual(144, NanoClrHeap.ArrayBytes(10, NanoClrHeap.ElementBytes(typeof(object))), "references take a block each: 20 + 120 bytes, 12 blocks");
        // The walker: host types outside the device assembly are not followed, so price device-free shapes directly.
        Assert.AreEqual(NanoClrHeap.ArrayBytes(16, 2), HeapMeasure.Of(new ushort[16]));
        Assert.AreEqual(NanoClrHeap.ArrayBytes(3, 12) + 3 * NanoClrHeap.ObjectBytes(2), HeapMeasure.Of(new[] { new Pair(1, 2), new Pair(3, 4), new Pair(5, 6) }), "an array of structs holds a boxed struct per element");
    }

    [TestMethod]
    public void TheMotorFluxProfileNeedsAbout84KbOnTheBoard()
    {
        // What the audit of issue 11 found by hand: the default motor-flux profile (64 features + load,
        // 16 bins) with the capture ring of 64 rows takes about 84 KB of nanoCLR heap, not the 43 KB once reported.
        var train = TableReader.Read(RepoPaths.MotorFlux("train_164V.features.csv"));
        var profile = ProfileBuilder.Build(train, new ProfileOptions { Columns = ["f[0-9]*"], Categorical = ["load"], CaptureRows = 64 });
        long bytes = BoardMemory.Profile(profile);
        Assert.IsTrue(bytes is > 80_000 and < 88_000, $"{bytes} B");
        Assert.IsGreaterThan(300, bytes / 65, "well over 300 B per column");
        Assert.IsFalse(BoardMemory.Check(BoardTarget.NucleoF746zg, null, profile).Fits, "all 64 bins cannot fit the F746ZG");
    }

    [TestMethod]
    public void TheDemosModelAndProfileFitTheF746zgButNotTheF401re()
    {
        var train = TableReader.Read(RepoPaths.MotorFlux("train_164V.features.csv"));
        var profile = ProfileBuilder.Build(train, new ProfileOptions { Columns = ["f[5-9]", "f1[0-5]"], Categorical = ["load"] });
        string profilePath = Path.Combine(RepoPaths.TempDirectory("memory"), "demo.edgp");
        File.WriteAllBytes(profilePath, ProfileWriter.Write(profile));
        var conversion = ModelConverter.Convert(new ConvertOptions(RepoPaths.MotorFlux("flux_mlp.onnx"), RepoPaths.MotorFlux("train_164V.features.csv"), Path.ChangeExtension(profilePath, ".edgem"))
        {
            DriftProfilePath = profilePath,
        });
        Assert.IsLessThanOrEqualTo(BoardPresets.NucleoF746zg().StagingCapacity, conversion.Bytes.Length, "the model with its profile fits one upload");
        var embedded = DriftProfileReader.Read(conversion.Model.DriftProfile, "demo");
        var f746 = BoardMemory.Check(BoardTarget.NucleoF746zg, conversion.Model, embedded);
        Assert.IsTrue(f746.Fits, f746.Table());
        var f401 = BoardMemory.Check(BoardTarget.NucleoF401re, conversion.Model, embedded);
        Assert.IsFalse(f401.Fits, f401.Table());
        Assert.IsTrue(BoardMemory.Check(BoardTarget.NucleoF401re, conversion.Model, null).Fits, "flux_mlp alone fits the F401RE");
        Console.WriteLine(f746.Table());
        Console.WriteLine(f401.Table());
    }

    [TestMethod]
    public void TheBoardAppsOwnBuffersAreCountedOnce()
    {
        var config = BoardPresets.NucleoF746zg();
        long app = BoardMemory.App(config);
        // The staging buffer alone is a byte array of the configured size.
        Assert.IsGreaterThan(NanoClrHeap.ArrayBytes(config.StagingCapacity, 1), app);
        config.StagingCapacity += 1200;
        Assert.AreEqual(app + 1200, BoardMemory.App(config), "1,200 more staging bytes are 100 more heap blocks");
    }
}
