using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Models.Reports;
using Edge.Models.Tests.Support;

namespace Edge.Models.Tests;

/// <summary>
/// `edge model inspect` names each kernel parameter by the kernel's index constant for it (the
/// constant whose value is the parameter's index), in index order, with the value at that index.
/// </summary>
[TestClass]
public sealed class InspectionParameterNamesTests
{
    [TestMethod]
    public void DenseParametersCarryTheirIndexConstantsNames()
    {
        var fixture = ConvertedFixtures.Get("flux_mlp");
        var inspection = ModelInspection.Inspect(fixture.ModelPath);
        var dense = inspection.Ops.Where(o => o.Op == OpCode.Name(OpCode.FullyConnected)).ToList();
        Assert.IsNotEmpty(dense, "premise: flux_mlp has dense layers");
        string[] expected = ["Rows", "InFeatures", "OutFeatures", "WeightsAt", "BiasAt", "MultipliersAt", "ShiftsAt", "OutputZeroPoint", "ActivationMin", "ActivationMax"];
        Assert.HasCount(FullyConnectedInt8.ParameterCount, expected);
        var operations = fixture.Model.Operations.Where(o => o.Code == OpCode.FullyConnected).ToList();
        for (int layer = 0; layer < dense.Count; layer++)
        {
            CollectionAssert.AreEqual(expected, dense[layer].Parameters.Keys.ToArray());
            Assert.AreEqual(operations[layer].Parameters[FullyConnectedInt8.InFeatures], dense[layer].Parameters["InFeatures"]);
            Assert.AreEqual(operations[layer].Parameters[FullyConnectedInt8.ActivationMax], dense[layer].Parameters["ActivationMax"]);
        }
        Assert.AreEqual(64, dense[0].Parameters["InFeatures"], "flux_mlp's first layer takes the 64 spectral features");
    }
}
