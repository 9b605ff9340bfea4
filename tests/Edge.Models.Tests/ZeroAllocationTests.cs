using Edge.Data;
using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Models.Tests.Support;
using Edge.Models.Verification;
using Edge.TestSupport;

namespace Edge.Models.Tests;

/// <summary>The board's rule: the arena is sized at load, and inference allocates nothing.</summary>
[TestClass]
public sealed class ZeroAllocationTests
{
    [TestMethod]
    [DataRow("flux_mlp")]
    [DataRow("flux_cnn1d")]
    [DataRow("flux_iforest")]
    [DataRow("flux_autoencoder")]
    public void InferenceAllocatesNothing(string name)
    {
        var fixture = ConvertedFixtures.Get(name);
        var interpreter = new Interpreter(fixture.Model);
        var table = TableReader.Read(fixture.TestData);
        var rows = InputMapping.Rows(table, InputMapping.Expand(fixture.Model.Metadata("input.columns")!)).Take(50).ToArray();
        var bits = rows.Select(r => r.Select(BitConverter.SingleToInt32Bits).ToArray()).ToArray();
        bool keys = fixture.Model.Tensors[fixture.Model.Inputs[0].Tensor].Type == TensorType.Float32Key;
        var output = new float[interpreter.OutputLength(0)];

        void Run(int i)
        {
            if (keys) interpreter.SetInputFloat32Bits(0, bits[i % bits.Length], 0);
            else interpreter.SetInput(0, rows[i % rows.Length], 0);
            interpreter.Invoke();
            interpreter.GetOutput(0, output, 0);
        }

        for (int i = 0; i < 200; i++) Run(i);   // JIT and tiering first
        Allocations.AssertNone(() => { for (int i = 0; i < 2000; i++) Run(i); }, "2000 inferences");
    }
}
