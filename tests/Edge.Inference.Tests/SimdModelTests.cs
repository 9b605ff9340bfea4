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
        var model = fixture.Model;
        var ops = HarnessOp.Of(model);
        int differing = 0;
        string first = "";
        for (int r = 0; r < fixture.Rows.Length; r++)
        {
            var (reference8, reference32) = GraphRunner.Input(model, fixture.Rows[r]);
            var (simd8, simd32) = GraphRunner.Input(model, fixture.Rows[r]);
            GraphRunner.Run(ops, Int8Kernels.Reference, model.Weights, model.Ints, reference8, reference32);
            GraphRunner.Run(ops, kernels, model.Weights, model.Ints, simd8, simd32);
            if (reference8.AsSpan().SequenceEqual(simd8) && reference32.AsSpan().SequenceEqual(simd32)) continue;
            if (differing++ == 0) first = $"row {r}: first differing int8 arena element {FirstDifference(reference8, simd8)}";
        }
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

    private static string FirstDifference(sbyte[] a, sbyte[] b)
    {
        for (int i = 0; i < a.Length; i++)
            if (a[i] != b[i]) return $"[{i}] reference {a[i]} simd {b[i]}";
        return "none (int32 arena differs)";
    }
}
