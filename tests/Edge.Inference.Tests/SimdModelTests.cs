using Edge.Device.Inference;
using Edge.Inference.Simd;
using Edge.Models.Verification;
using Edge.TestSupport.Models;
using Edge.TestSupport.Native;

namespace Edge.Inference.Tests;

/// <summary>
/// Every fixture model over all 2000 of its test rows, on each SIMD level this machine has:
/// every intermediate tensor (the whole arenas after the graph) is the managed reference's, and
/// the seams the host uses (<see cref="HostInt8Kernels"/> in <see cref="DeviceEngine"/>) give the
/// reference's outputs.
/// </summary>
[TestClass]
public sealed class SimdModelTests
{
    public static IEnumerable<object[]> Cases =>
        from set in Implementations.Simd from name in FixtureModels.Names select new object[] { set, name };

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void EveryIntermediateTensorOfEveryRowIsTheReferenceOne(string set, string name)
    {
        var kernels = Implementations.Of(set);
        var fixture = FixtureModels.Get(name);
        var (differing, first) = GraphRunner.Compare(fixture.Model, fixture.Rows, Int8Kernels.Reference, kernels);
        Assert.AreEqual(0, differing, $"{set} {name}: {differing} of {fixture.Rows.Length} rows differ; {first}");
    }

    [TestMethod]
    [DynamicData(nameof(FixtureModels.All), typeof(FixtureModels))]
    public void TheHostDeviceEngineGivesTheReferenceOutputs(string name)
    {
        // What model verify, bias correction and the accuracy phase run: DeviceEngine from a model.
        var fixture = FixtureModels.Get(name);
        var host = new DeviceEngine(fixture.Model);
        var reference = new DeviceEngine(new Interpreter(fixture.Model, 0, Int8Kernels.Reference));
        if (SimdIsas.Best is { } best) Assert.AreEqual(Implementations.Name(best), host.Interpreter.Kernels.Name);
        foreach (var row in fixture.Rows)
            CollectionAssert.AreEqual(reference.Run(row).ToArray(), host.Run(row).ToArray(), name);
    }
}
