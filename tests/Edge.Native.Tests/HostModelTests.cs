using Edge.Device.Inference;
using Edge.TestSupport.Models;
using Edge.TestSupport.Native;

namespace Edge.Native.Tests;

/// <summary>
/// On this machine (the C built by gcc, called through P/Invoke): every fixture model over every
/// test row, the native kernels against the managed reference, bit for bit.
/// </summary>
[TestClass]
public sealed class HostModelTests
{
    [ClassInitialize]
    public static void BuildLibrary(TestContext _) => HostNativeLibrary.Activate();

    [TestMethod]
    [DynamicData(nameof(FixtureModels.All), typeof(FixtureModels))]
    public void EveryIntermediateTensorOfEveryRowIsTheManagedOne(string name)
    {
        var fixture = FixtureModels.Get(name);
        var (differing, first) = GraphRunner.Compare(fixture.Model, fixture.Rows, Int8Kernels.Reference, new NativeInt8Kernels());
        Assert.AreEqual(0, differing, $"{name}: {differing} of {fixture.Rows.Length} rows differ; {first}");
    }

    [TestMethod]
    [DynamicData(nameof(FixtureModels.All), typeof(FixtureModels))]
    public void TheInterpreterWithNativeKernelsGivesTheManagedOutputs(string name)
    {
        // The seam the board uses: an Interpreter given the native kernel set.
        var fixture = FixtureModels.Get(name);
        var managed = new Interpreter(fixture.Model, 0, Int8Kernels.Reference);
        var native = new Interpreter(fixture.Model, 0, new NativeInt8Kernels());
        Assert.AreEqual("native", native.Kernels.Name);
        var expected = new sbyte[managed.OutputLength(0)];
        var actual = new sbyte[native.OutputLength(0)];
        foreach (var row in fixture.Rows)
        {
            Run(managed, fixture, row, expected);
            Run(native, fixture, row, actual);
            CollectionAssert.AreEqual(expected, actual, name);
        }
    }

    [TestMethod]
    [DynamicData(nameof(FixtureModels.All), typeof(FixtureModels))]
    public void TheGraphRunnerIsTheInterpreter(string name)
    {
        // The other tests compare whole arenas through GraphRunner: it must run exactly what the interpreter runs.
        var fixture = FixtureModels.Get(name);
        var interpreter = new Interpreter(fixture.Model, 0, Int8Kernels.Reference);
        var expected = new sbyte[interpreter.OutputLength(0)];
        var outputTensor = fixture.Model.Tensors[fixture.Model.Outputs[0]];
        var ops = HarnessOp.Of(fixture.Model);
        foreach (var row in fixture.Rows.Take(200))
        {
            Run(interpreter, fixture, row, expected);
            var (a8, a32) = GraphRunner.Input(fixture.Model, row);
            GraphRunner.Run(ops, Int8Kernels.Reference, fixture.Model.Weights, fixture.Model.Ints, a8, a32);
            CollectionAssert.AreEqual(expected, a8.Skip(outputTensor.ArenaOffset).Take(expected.Length).ToArray(), name);
        }
    }

    private static void Run(Interpreter interpreter, FixtureModel fixture, float[] row, sbyte[] output)
    {
        var engine = new Edge.Models.Verification.DeviceEngine(interpreter);
        engine.Run(row);
        interpreter.GetOutputInt8(0, output, 0);
    }
}
