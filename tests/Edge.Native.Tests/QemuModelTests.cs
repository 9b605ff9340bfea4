using Edge.Device.Inference;
using Edge.TestSupport.Models;
using Edge.TestSupport;
using Edge.TestSupport.Native;

namespace Edge.Native.Tests;

/// <summary>
/// On Cortex-M7 and Cortex-M4 (DSP inner loops) and Cortex-M3 (the portable C) under QEMU: every
/// fixture model over every test row, the whole arena after each inference (every intermediate
/// tensor) against the managed kernels', bit for bit.
/// </summary>
[TestClass]
public sealed class QemuModelTests
{
    public static IEnumerable<object[]> Cases =>
        from target in NativeTarget.All from name in FixtureModels.Names select new object[] { target.Name, name };

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void EveryIntermediateTensorOfEveryRowIsTheManagedOne(string targetName, string name)
    {
        var target = NativeTarget.Named(targetName);
        var fixture = FixtureModels.Get(name);
        var model = fixture.Model;
        var ops = HarnessOp.Of(model);
        string folder = RepoPaths.TempDirectory($"qemu-{target}-{name}");
        string cases = Path.Combine(folder, "cases.bin"), results = Path.Combine(folder, "results.bin");
        var expected = new List<(sbyte[] Arena8, int[] Arena32)>();
        using (var writer = new HarnessCases(cases))
        {
            writer.Graph(model);
            foreach (var row in fixture.Rows)
            {
                var (a8, a32) = GraphRunner.Input(model, row);
                writer.Run(a8, a32);
                GraphRunner.Run(ops, Int8Kernels.Reference, model.Weights, model.Ints, a8, a32);
                expected.Add((a8, a32));
            }
        }

        Qemu.Run(target, NativeBuild.Harness(target), cases, results);

        var actual = HarnessResults.Read(results).Cast<RunResult>().ToList();
        Assert.AreEqual(fixture.Rows.Length, actual.Count, "one result per row");
        for (int r = 0; r < actual.Count; r++)
        {
            Assert.AreEqual(0, actual[r].Status, $"{name} row {r}: op {actual[r].FailedOp} failed on {target}");
            CollectionAssert.AreEqual(expected[r].Arena8, actual[r].Arena8, $"{name} row {r}: int8 arena on {target}");
            CollectionAssert.AreEqual(expected[r].Arena32, actual[r].Arena32, $"{name} row {r}: int32 arena on {target}");
        }
        Directory.Delete(folder, recursive: true);
    }
}
